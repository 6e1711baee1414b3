import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import type { DraftAnswers } from '../../../electron/ipc/inputs/drafts';
import { emailAddress } from '../../../electron/ipc/schemas';
import { problemOf } from '../../components/Field';

export type Sender = OutputOf<'send.senders'>[number];
export type Simulator = OutputOf<'send.simulatorAddresses'>[number];
export type SendResult = OutputOf<'send.test'>;

/** The choice "another address", for the sender and for the recipient. */
export const OTHER = '__other__';

/** What the person has chosen and typed, as it is kept across restarts (drafts). */
export type SendChoices = NonNullable<DraftAnswers<'testSend'>>;

/** What the person has chosen and typed in the test-send form. */
export interface SendForm extends SendChoices {
  /** A send was tried: problems are shown from then on. */
  touched: boolean;
  /** The person chose or typed something (or their answers from before a restart came back). */
  answered: boolean;
}

export const EMPTY_FORM: SendForm = {
  via: 'api',
  port: 587,
  identity: '',
  localPart: 'test',
  otherFrom: '',
  to: '',
  otherTo: '',
  subject: '',
  ownAddress: '',
  touched: false,
  answered: false,
};

/** The choices to keep across restarts: none until the person has chosen or typed something. */
export function choicesOf(form: SendForm): SendChoices | null {
  if (!form.answered) return null;
  const { via, port, identity, localPart, otherFrom, to, otherTo, subject, ownAddress } = form;
  return { via, port, identity, localPart, otherFrom, to, otherTo, subject, ownAddress };
}

/** A change to what the person chose or typed. */
export type FormChange = Partial<SendChoices>;

export type FormAction =
  | { type: 'edit'; change: FormChange }
  | { type: 'touched' }
  // The choices kept from before a restart: they apply unless the person has already chosen anew.
  | { type: 'restore'; choices: SendChoices }
  // What the choices found: the first simulator address and the first verified sender (unless one is chosen).
  | { type: 'defaultRecipient'; address: string }
  | { type: 'defaultSender'; identity: string };

export function formReducer(form: SendForm, a: FormAction): SendForm {
  switch (a.type) {
    case 'edit':
      return { ...form, ...a.change, answered: true };
    case 'restore':
      return form.answered ? form : { ...form, ...a.choices, answered: true };
    case 'touched':
      return form.touched ? form : { ...form, touched: true };
    case 'defaultRecipient':
      return { ...form, to: form.to || a.address };
    case 'defaultSender':
      // As for the recipient: a sender already chosen is never replaced by the first one found.
      return { ...form, identity: form.identity || a.identity };
  }
}

/** The sender and recipient the form stands for now, each with its problem, and whether it can be sent. */
export function addressesOf(form: SendForm, senders: Sender[] | null) {
  const verified = (senders ?? []).filter((s) => s.verified);
  const chosen = verified.find((s) => s.identity === form.identity);
  const from =
    form.identity === OTHER || !chosen
      ? form.otherFrom.trim()
      : chosen.kind === 'domain'
        ? `${form.localPart.trim()}@${chosen.identity}`
        : chosen.identity;
  const recipient = form.to === OTHER ? form.otherTo.trim() : form.to;
  const fromProblem = problemOf(emailAddress, from);
  const toProblem = problemOf(emailAddress, recipient);
  const ready = from && recipient && !fromProblem && !toProblem;
  return { verified, chosen, from, recipient, fromProblem, toProblem, ready };
}

export type Addresses = ReturnType<typeof addressesOf>;

/** One send and how it went. `attempt` holds its addresses, so a fix names what was sent, not what is typed now. */
export interface SendState {
  busy: boolean;
  result: SendResult | null;
  error: AssistantError | null;
  attempt: { from: string; to: string };
  /** An address the person verified after a refused send: said in place of the refusal. */
  verified?: string;
}

export const NO_SEND: SendState = { busy: false, result: null, error: null, attempt: { from: '', to: '' } };

export type SendAction =
  | { type: 'sending'; attempt: { from: string; to: string } }
  | { type: 'sent'; result: SendResult }
  | { type: 'failed'; error: AssistantError }
  | { type: 'verified'; address: string };

export function sendReducer(s: SendState, a: SendAction): SendState {
  switch (a.type) {
    case 'sending':
      return { busy: true, result: null, error: null, attempt: a.attempt };
    case 'sent':
      return { ...s, busy: false, result: a.result };
    case 'failed':
      return { ...s, busy: false, error: a.error };
    case 'verified':
      // The refusal is no longer true once the address is verified: it gives way to "verified now".
      return { ...s, error: null, verified: a.address };
  }
}
