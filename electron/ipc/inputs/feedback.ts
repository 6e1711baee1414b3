/**
 * Input rules of the bounce and complaint events, shared by the router and the renderer's forms (zod
 * only). Messages never repeat the value they reject.
 */
import { z } from 'zod';
import { domainName, emailAddress } from '../schemas';

export const feedbackKindFilter = z.enum(['all', 'bounce', 'complaint', 'delivery'], {
  error: 'Choose bounces, complaints, deliveries or all.',
});

export const feedbackFilterInput = z
  .object({
    kind: feedbackKindFilter.optional(),
    /** Part of an address, a subject or a message id. */
    query: z
      .string({ error: 'Type part of an address or a subject.' })
      .trim()
      .max(320, 'That is longer than any address or subject to look for.')
      .optional(),
  })
  .strict();

export const feedbackListInput = feedbackFilterInput
  .extend({
    offset: z.number({ error: 'That page cannot be shown.' }).int().min(0).max(1_000_000).optional(),
    limit: z.number({ error: 'That page cannot be shown.' }).int().min(1).max(500).optional(),
  })
  .strict();

/** A sender: a domain or an address SES knows. */
export const feedbackIdentity = z.union([emailAddress, domainName], {
  error: 'Choose a verified domain or address.',
});

export const feedbackSetupInput = z
  .object({
    identities: z
      .array(feedbackIdentity)
      .min(1, 'Choose at least one sender.')
      .max(20, 'Set up at most 20 senders at a time.'),
    /** Also record every delivered message (many events for a busy sender). */
    deliveries: z.boolean({ error: 'Say whether deliveries should be recorded too.' }),
  })
  .strict();
