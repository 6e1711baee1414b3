/**
 * What the assistant believes of a message in its queue. Anyone allowed sqs:SendMessage on the queue
 * (an IAM user or role of the account with broad rights) could put a made-up bounce there, and a
 * bounce makes the person stop mailing an address; so a message is stored only when:
 *
 * 1. it is an SNS envelope (raw message delivery stays off, see setup.ts);
 * 2. its TopicArn is one of the topics the queue was subscribed to (the feedback state's topicArns):
 *    anything else is refused without fetching anything;
 * 3. its SNS signature checks out (signature.ts).
 *
 * A body without the envelope (SES's notification itself, as raw delivery sends it) carries nothing
 * that can be checked, and is refused too. The queue policy already lets Amazon SNS send only from
 * exactly those topics (aws:SourceArn) of this account (aws:SourceAccount); what it cannot stop is a
 * principal of the same account whose own IAM policy allows SendMessage, so the policy alone is not
 * taken as proof. Someone who turned raw delivery on by hand sees their messages refused, with the
 * reason on the screen.
 *
 * Refused messages are counted and kept aside with their reason, never stored as events.
 */
import { notificationOf, readBody } from './parse';
import { verifySignature, type CertificateFetcher } from './signature';
import type { FeedbackEvent } from './types';

export interface TrustDeps {
  /** The topics the queue was subscribed to, in this region. */
  topics: readonly string[];
  certificates: CertificateFetcher;
  now: Date;
}

export type Judged =
  | { kind: 'notification'; notificationId: string; events: FeedbackEvent[] }
  | { kind: 'unreadable'; reason: string }
  /** `reason`: one sentence for the screen; `detail`: what the message named (a topic, an address). */
  | { kind: 'refused'; reason: string; detail: string }
  /** Not decided now (the certificate could not be fetched): left in the queue. */
  | { kind: 'later'; reason: string };

export const RAW_DELIVERY =
  'It came without Amazon SNS’s signed envelope (raw message delivery), so it cannot be checked.';
export const OTHER_TOPIC = 'It names a topic the assistant did not subscribe the queue to.';

export async function judge(body: string, receivedAt: string, deps: TrustDeps): Promise<Judged> {
  const read = readBody(body);
  if (read.kind === 'unreadable') return read;
  if (read.kind === 'raw') return { kind: 'refused', reason: RAW_DELIVERY, detail: 'raw delivery' };
  const { fields } = read;
  if (!deps.topics.includes(fields.TopicArn))
    return { kind: 'refused', reason: OTHER_TOPIC, detail: fields.TopicArn.slice(0, 300) };
  const verdict = await verifySignature(fields, deps.certificates, deps.now);
  if (!verdict.ok)
    return verdict.lasting
      ? { kind: 'refused', reason: verdict.reason, detail: (fields.SigningCertURL ?? '').slice(0, 300) }
      : { kind: 'later', reason: verdict.reason };
  const parsed = notificationOf(fields, receivedAt);
  return parsed.ok
    ? { kind: 'notification', notificationId: parsed.notificationId, events: parsed.events }
    : { kind: 'unreadable', reason: parsed.reason };
}
