/**
 * The hand-off as a `mailto:` link that opens the person's mail app with the message written in.
 *
 * The limit: RFC 6068 sets none, but the path a link takes to the mail app does. On Windows the
 * link goes through the shell to the mail app, and Outlook and Windows Mail take about 2,040
 * characters of it (Internet Explorer's 2,083-character URL limit is the same order); a web mail
 * set as the handler gets less through its own URL. 2,000 characters, counted on the encoded link,
 * stays under all of them, so a message that fits is never cut short in someone's draft. A longer
 * message is saved as a file to attach, and the link carries a short note instead.
 */
import type { HandOff } from './types';

export const MAILTO_LIMIT = 2000;

/** RFC 6068: line breaks in a body are written %0D%0A. */
const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));

export function mailtoUrl(subject: string, body: string): string {
  return `mailto:?subject=${encode(subject)}&body=${encode(body)}`;
}

export function fullMailto(h: HandOff): string {
  return mailtoUrl(h.subject, h.text);
}

export function fitsMailto(h: HandOff): { fits: boolean; length: number; limit: number } {
  const length = fullMailto(h).length;
  return { fits: length <= MAILTO_LIMIT, length, limit: MAILTO_LIMIT };
}

/** The short note that goes with the saved message when the whole message is too long for a link. */
export function noteMailto(h: HandOff, fileName: string): string {
  // A long name (a folder chosen with a long name, a long international domain) must not push the
  // note over the limit: the start of the name is enough to find the file.
  const chars = [...fileName];
  const name = chars.length > 60 ? `${chars.slice(0, 57).join('')}…` : fileName;
  const body = [
    'Hello,',
    '',
    `Could you add the DNS records described in the attached file (${name}) for ${h.unicodeDomain}? They let the domain send email through Amazon SES. The file says what to add, where, and how to check that it worked.`,
    '',
    'Thank you!',
  ].join('\n');
  return mailtoUrl(h.subject, body);
}
