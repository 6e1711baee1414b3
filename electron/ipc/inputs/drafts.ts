/**
 * Answers a person typed on a screen and has not sent yet, kept so a restart does not lose them: the
 * sandbox questionnaire, the Sender screen's domain or address, the Test send screen's choices. One
 * slice of the settings (`features.drafts`) and two channels for all of them. No secret belongs here:
 * a form with a key, a password or a token keeps it only while it is on screen.
 */
import { z } from 'zod';
import { sandboxAnswers } from '../schemas';

/** Text as typed, not yet checked (that happens when it is sent), with room to spare. */
const typed = (max: number) => z.string().max(max, 'That is longer than anything this form takes.');

/** The Sender screen: a domain (with its MAIL FROM subdomain) or one address, as typed. */
export const senderDraft = z
  .object({ kind: z.enum(['domain', 'address']), value: typed(400), mailFrom: typed(300) })
  .strict();

/** The Test send screen: how it goes, from whom and to whom, and the subject, as chosen and typed. */
export const testSendDraft = z
  .object({
    via: z.enum(['api', 'smtp']),
    port: z.union([z.literal(587), z.literal(465)]),
    /** A verified identity, or "another address" (the form's OTHER). */
    identity: typed(400),
    /** The part before the @ when the identity is a domain. */
    localPart: typed(100),
    otherFrom: typed(400),
    /** A simulator or verified address, or "another address". */
    to: typed(400),
    otherTo: typed(400),
    subject: typed(400),
    /** The person's own address, for the test after the simulator (drafts saved before it have none). */
    ownAddress: typed(400).default(''),
  })
  .strict();

/** Every screen's draft, null when there is none. A draft that no longer reads is dropped alone. */
export const drafts = z.object({
  sandbox: sandboxAnswers.nullable().catch(null).default(null),
  sender: senderDraft.nullable().catch(null).default(null),
  testSend: testSendDraft.nullable().catch(null).default(null),
});
export type Drafts = z.output<typeof drafts>;
export type DraftForm = keyof Drafts;

/** One screen's draft, saved as it is typed; null forgets it ("Start over", or nothing typed). */
export const draftSaveInput = z.discriminatedUnion(
  'form',
  [
    z.object({ form: z.literal('sandbox'), answers: sandboxAnswers.nullable() }).strict(),
    z.object({ form: z.literal('sender'), answers: senderDraft.nullable() }).strict(),
    z.object({ form: z.literal('testSend'), answers: testSendDraft.nullable() }).strict(),
  ],
  { error: 'That is not a form whose answers are kept.' },
);
export type DraftSave = z.input<typeof draftSaveInput>;
/** One screen's answers as the form gives them to drafts.save. */
export type DraftAnswers<F extends DraftForm> = Extract<DraftSave, { form: F }>['answers'];
