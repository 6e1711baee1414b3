/** The panel's sentences about what just happened, kept apart so the panel reads like the screen. */
import type { OutputOf } from '../../../electron/ipc/contract';

export type Done =
  { kind: 'copied' } | { kind: 'saved'; path: string } | { kind: 'mailed'; result: OutputOf<'handoff.mail'> };

export function doneWords(done: Done): string {
  switch (done.kind) {
    case 'copied':
      return 'Copied. Paste it into an email or chat to the person who manages your DNS.';
    case 'saved':
      return `Saved as ${done.path}. Send them that file.`;
    case 'mailed': {
      const r = done.result;
      if (r.mode === 'cancelled') return 'Nothing was saved, so your mail app was not opened.';
      if (!r.opened) return 'Your mail app could not be opened. Copy the message or save it instead.';
      if (r.mode === 'full') return 'Your mail app opened with the message. Add their address and send it.';
      return `The message is too long to put straight into an email, so it was saved as ${r.attach ?? 'a file'}. Your mail app opened with a short note: attach that file, add their address and send it.`;
    }
  }
}

/** Said when the message used was made again because the AWS account or region changed. */
export function remadeWords(done: Done | null): string {
  return `Your AWS account or region changed after this message was shown, so it was updated for them: the message below is ${usedAs(done)}.`;
}

/** Which message the one below is, by what was done with it (nothing, when it was cancelled). */
function usedAs(done: Done | null): string {
  switch (done?.kind) {
    case 'copied':
      return 'the one you copied';
    case 'saved':
      return 'the one you saved';
    case 'mailed':
      if (done.result.mode === 'note') return 'the one saved for you to attach';
      if (done.result.mode === 'full' && done.result.opened) return 'the one in your mail app';
      return 'the one to send';
    default:
      return 'the one to send';
  }
}
