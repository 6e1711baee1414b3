/**
 * Drafts the use-case description for a production-access request from the person's answers.
 * Pure: the same answers always give the same text, so it can be redrawn on every keystroke.
 *
 * What must stay true: the text never exceeds USE_CASE_MAX (AWS refuses longer ones), and a
 * question left empty leaves its sentence out rather than a placeholder a reviewer would read.
 */
import { USE_CASE_MAX, sandboxAnswers, type SandboxAnswers } from '../../ipc/schemas';
import { percent, REPUTATION } from '../../core/facts/reputation';

export interface Draft {
  text: string;
  length: number;
  max: number;
  /** The questions still unanswered, in the person's words: a reviewer will ask about these. */
  missing: string[];
}

const numberWords = (n: number) => n.toLocaleString('en-US');

const OPT_IN: Record<string, string> = {
  'double-opt-in':
    'People join our list with double opt-in: after signing up they receive a confirmation email and are only added once they click the link in it.',
  'single-opt-in':
    'People join our list by entering their address in a sign-up form on our website and ticking an unticked consent box; we never buy, rent or import lists.',
  'account-or-order':
    'We only write to people who created an account with us or placed an order, at the address they gave us for that purpose; we never buy, rent or import lists.',
};

const BOUNCES: Record<string, string> = {
  'sns-notifications':
    'Amazon SES bounce and complaint notifications are delivered to us through an Amazon SNS topic set on our sending domain.',
  'auto-suppress':
    'Addresses that hard-bounce or complain are removed from our lists automatically and never mailed again; the SES account-level suppression list is a second safeguard.',
  // The rates AWS advises, not the lines at which it reviews an account: a request promises to stay well clear.
  'watch-rates': `We watch our bounce and complaint rates, keeping the bounce rate under ${percent(REPUTATION.bounce.adviseBelow)} and the complaint rate under ${percent(REPUTATION.complaint.adviseBelow)} as AWS advises, and pause sending to investigate if either rises.`,
};

const UNSUBSCRIBE: Record<string, string> = {
  'list-unsubscribe':
    'Every message carries a List-Unsubscribe header with one-click unsubscribe, so mail programs show an unsubscribe button.',
  'footer-link':
    'Every message has a visible unsubscribe link in its footer; a click takes effect at once, without logging in.',
  'preferences-page':
    'Recipients can change or stop the messages they get on a preferences page in their account.',
};

/** Ends a sentence the person typed with a full stop, so the paragraph reads cleanly. */
function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return '';
  return /[.!?。]$/.test(t) ? t : `${t}.`;
}

/** Cuts at the last sentence end that fits, so a capped draft never ends mid-word. */
export function capText(text: string, max = USE_CASE_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > max / 2 ? cut.slice(0, end + 1) : cut.slice(0, max - 1).trimEnd() + '…';
}

export function draftUseCase(input: SandboxAnswers): Draft {
  const a = sandboxAnswers.parse(input);
  const missing: string[] = [];
  const paragraphs: string[] = [];
  const marketing = a.mailType === 'MARKETING';

  // Who we are and why we send.
  const about: string[] = [];
  if (a.business) about.push(sentence(a.business));
  else missing.push('what your business does');
  if (a.website) about.push(`Our website is ${a.website}.`);
  else missing.push('your website');
  about.push(
    marketing
      ? 'We will use Amazon SES for marketing email (newsletters and offers) to people who asked to receive it.'
      : 'We will use Amazon SES for transactional email only: messages a person triggers or expects, such as account confirmations, password resets, receipts and notices about their orders.',
  );
  paragraphs.push(about.join(' '));

  // Where the addresses come from.
  const consent: string[] = [];
  if (a.optIn) consent.push(OPT_IN[a.optIn]!);
  if (a.optInDetail) consent.push(sentence(a.optInDetail));
  if (consent.length === 0) missing.push('how recipients agreed to get your mail');
  if (a.listSize !== undefined)
    consent.push(`Our list currently holds about ${numberWords(a.listSize)} recipients.`);
  else missing.push('how many recipients you have');
  if (consent.length) paragraphs.push(consent.join(' '));

  // How much and how often.
  const volume: string[] = [];
  if (a.frequency) volume.push(`Sending frequency: ${sentence(a.frequency)}`);
  else missing.push('how often you send');
  if (a.monthlyVolume !== undefined)
    volume.push(`We expect to send about ${numberWords(a.monthlyVolume)} messages a month.`);
  else missing.push('your expected monthly volume');
  if (volume.length) paragraphs.push(volume.join(' '));

  // Bounces and complaints.
  const bounces = a.bounceHandling.map((b) => BOUNCES[b]!);
  if (a.bounceDetail) bounces.push(sentence(a.bounceDetail));
  if (bounces.length) paragraphs.push(bounces.join(' '));
  else missing.push('how you handle bounces and complaints');

  // Leaving the list.
  const leave = a.unsubscribe.map((u) => UNSUBSCRIBE[u]!);
  if (leave.length) {
    leave.push('Unsubscribe requests are honoured immediately.');
    paragraphs.push(leave.join(' '));
  } else if (marketing) missing.push('how people unsubscribe');

  if (a.contacts.length) paragraphs.push(`AWS can reach us about this account at ${a.contacts.join(', ')}.`);

  const text = capText(paragraphs.join('\n\n'));
  return { text, length: text.length, max: USE_CASE_MAX, missing };
}
