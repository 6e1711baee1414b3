/**
 * Test sends: one message from a verified identity, over the SES API (v1 SendEmail, HTML + text)
 * or over SMTP (nodemailer with the password derived for the region), to a verified address or a
 * mailbox simulator address. The result says which message AWS took (its MessageId) and how long
 * the send took; a failure goes through the error catalogue with the addresses named.
 *
 * In the sandbox SES refuses unverified recipients. The assistant checks that before sending, so
 * the person is offered to verify the address instead of spending a send on a refusal.
 *
 * Screen: Test send and SMTP settings (renderer/features/sending/TestSendStep.tsx, SmtpStep.tsx).
 */
import type { AwsClients } from '../../core/aws-clients';
import type { PeerOverrides } from '../../core/context';
import { AssistantFailure, fail, notVerified, sendFailure, type SendContext } from '../../core/errors';
import { simulatorOutcome, type SimulatorOutcome } from './simulator';
import { smtpTransport } from './smtp';
import { looksSandboxed, sendQuota } from '../connection';
import { IDENTITY_PAGE_PAUSE_MS, identityNames } from '../../core/ses-identities';
import { sleep } from '../../core/sleep';

export type SendVia = 'api' | 'smtp';

export interface TestMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface TestSendResult {
  /** The id AWS gave the message (over SMTP: from SES's "250 Ok <id>" reply, else the Message-ID header). */
  messageId: string;
  /** Wall time of the send itself, from the request to AWS's answer. */
  tookMs: number;
  via: SendVia;
  from: string;
  to: string;
  region: string;
  sentAt: string;
  simulatorOutcome?: SimulatorOutcome;
  /** What happens next to the message, in plain words. */
  meaning: string;
  /** SMTP only: where the message went. */
  host?: string;
  port?: number;
}

export interface SmtpLogin {
  userName: string;
  password: string;
}

export function testMessage(
  input: { from: string; to: string; subject?: string },
  region: string,
  via: SendVia,
  when: Date,
): TestMessage {
  const subject = input.subject?.trim() || 'Test message from the SES Setup Assistant';
  const how = via === 'api' ? 'the Amazon SES API' : 'the Amazon SES SMTP interface';
  const stamp = when.toUTCString();
  const text = [
    'Hello,',
    '',
    `This is a test message sent through ${how} in the ${region} region, at ${stamp}.`,
    'If you can read it, sending from this address works.',
    '',
    '— SES Setup Assistant',
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif"><p>Hello,</p><p>This is a test message sent through <strong>${how}</strong> in the <strong>${region}</strong> region, at ${stamp}.</p><p>If you can read it, sending from this address works.</p><p>— SES Setup Assistant</p></body></html>`;
  return { from: input.from, to: input.to, subject, text, html };
}

/** What the person should expect after a successful send. */
export function meaningOf(to: string, sandbox: boolean | null): string {
  const sim = simulatorOutcome(to);
  if (sim) return sim.meaning;
  return sandbox
    ? 'SES accepted the message for delivery. It should arrive within a minute; look in the spam folder too. While in the sandbox you can only send to verified addresses like this one.'
    : 'SES accepted the message for delivery. It should arrive within a minute; look in the spam folder too.';
}

/** SES v1 SendEmail with a text and an HTML part. */
export async function sendOverApi(clients: AwsClients, message: TestMessage): Promise<string> {
  const { SendEmailCommand } = await import('@aws-sdk/client-ses');
  const out = await (
    await clients.ses()
  ).send(
    new SendEmailCommand({
      Source: message.from,
      Destination: { ToAddresses: [message.to] },
      Message: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: {
          Text: { Data: message.text, Charset: 'UTF-8' },
          Html: { Data: message.html, Charset: 'UTF-8' },
        },
      },
    }),
  );
  return out.MessageId ?? '';
}

/** SES answers "250 Ok <message id>" to DATA; other servers answer in their own words. */
export function messageIdFromReply(reply: string | undefined, headerId: string): string {
  const ses = /^250 Ok (\S+)/i.exec(reply ?? '');
  return ses?.[1] ?? headerId.replace(/^<|>$/g, '');
}

/** Sends over SMTP to the region's endpoint (or the test peer), STARTTLS on 587, TLS on 465. */
export async function sendOverSmtp(options: {
  region: string;
  login: SmtpLogin;
  message: TestMessage;
  port?: 587 | 465;
  peer?: PeerOverrides['smtp'];
  timeoutMs?: number;
}): Promise<{ messageId: string; host: string; port: number }> {
  const { transport, host, port } = await smtpTransport({
    region: options.region,
    port: options.port ?? 587,
    peer: options.peer,
    timeoutMs: options.timeoutMs ?? 15_000,
    userName: options.login.userName,
    password: options.login.password,
  });
  try {
    const info = await transport.sendMail({
      from: options.message.from,
      to: options.message.to,
      subject: options.message.subject,
      text: options.message.text,
      html: options.message.html,
    });
    return { messageId: messageIdFromReply(info.response, info.messageId), host, port };
  } finally {
    transport.close();
  }
}

/**
 * Whether the account is in the sandbox here and the recipient (or its domain) is verified. Null
 * when it cannot be told (a user without these read permissions): then SES itself will say.
 */
export async function recipientCheck(
  clients: AwsClients,
  to: string,
): Promise<{ sandbox: boolean; verified: boolean } | null> {
  try {
    const sandbox = looksSandboxed(await sendQuota(clients));
    if (!sandbox || simulatorOutcome(to)) return { sandbox, verified: true };
    const { GetIdentityVerificationAttributesCommand } = await import('@aws-sdk/client-ses');
    const domain = to.split('@')[1] ?? '';
    const out = await (
      await clients.ses()
    ).send(new GetIdentityVerificationAttributesCommand({ Identities: [to, domain] }));
    const attrs = out.VerificationAttributes ?? {};
    const ok = (id: string) => attrs[id]?.VerificationStatus === 'Success';
    return { sandbox, verified: ok(to) || ok(domain) };
  } catch {
    return null;
  }
}

export interface TestSendDeps {
  clients: AwsClients;
  region: string;
  /** SMTP only: the login for this region (the derived password). */
  smtpLogin?: () => Promise<SmtpLogin>;
  peer?: PeerOverrides['smtp'];
  now?: () => number;
  clock?: () => Date;
}

export interface TestSendRequest {
  via: SendVia;
  from: string;
  to: string;
  subject?: string;
  port?: 587 | 465;
}

export async function testSend(deps: TestSendDeps, input: TestSendRequest): Promise<TestSendResult> {
  const now = deps.now ?? (() => performance.now());
  const when = (deps.clock ?? (() => new Date()))();
  const context: SendContext = { region: deps.region, sending: input.via, from: input.from, to: input.to };
  const check = await recipientCheck(deps.clients, input.to);
  if (check && check.sandbox && !check.verified)
    throw new AssistantFailure(
      notVerified(`failed the check in region ${deps.region}: ${input.to}`, context, 'sandbox check'),
    );
  const message = testMessage(input, deps.region, input.via, when);
  try {
    const started = now();
    if (input.via === 'api') {
      const messageId = await sendOverApi(deps.clients, message);
      return result(messageId, Math.round(now() - started));
    }
    if (!deps.smtpLogin) fail(NO_SMTP);
    const login = await deps.smtpLogin();
    const smtpStarted = now();
    const sent = await sendOverSmtp({
      region: deps.region,
      login,
      message,
      port: input.port,
      peer: deps.peer,
    });
    return { ...result(sent.messageId, Math.round(now() - smtpStarted)), host: sent.host, port: sent.port };
  } catch (err) {
    if (err instanceof AssistantFailure) throw err;
    throw new AssistantFailure(sendFailure(err, context));
  }

  function result(messageId: string, tookMs: number): TestSendResult {
    const sim = simulatorOutcome(input.to);
    return {
      messageId,
      tookMs: Math.max(0, tookMs),
      via: input.via,
      from: input.from,
      to: input.to,
      region: deps.region,
      sentAt: when.toISOString(),
      ...(sim ? { simulatorOutcome: sim.outcome } : {}),
      meaning: meaningOf(input.to, check?.sandbox ?? null),
    };
  }
}

const NO_SMTP = {
  code: 'SMTP_NEEDS_KEPT_KEY',
  title: 'No SMTP password can be made for this connection',
  explanation: 'SMTP needs the long-term access key of the sending user, kept by the assistant.',
  fix: 'Send over the API instead, or connect with the sending user’s access key.',
  retryable: false,
} as const;

/** A verified identity the person may send from. */
export interface SenderIdentity {
  identity: string;
  kind: 'domain' | 'address';
  /** SES's word: Success, Pending, Failed, TemporaryFailure, NotStarted. */
  status: string;
  verified: boolean;
}

/** The most identities the sender list checks: ten attribute calls, about ten seconds at one a second. */
const MOST_SENDERS = 1000;

/**
 * Every identity of this region with its verification status (SES v1, up to 1,000). SES allows
 * ListIdentities and GetIdentityVerificationAttributes one call a second each: the names come from
 * the shared, paced listing (core/ses-identities.ts), and the status checks, 100 names a call, wait
 * `pauseMs` between calls.
 */
export async function listSenders(
  clients: AwsClients,
  pauseMs = IDENTITY_PAGE_PAUSE_MS,
): Promise<SenderIdentity[]> {
  const { GetIdentityVerificationAttributesCommand } = await import('@aws-sdk/client-ses');
  const ses = await clients.ses();
  const identities = (await identityNames(clients, pauseMs)).slice(0, MOST_SENDERS);
  const out: SenderIdentity[] = [];
  for (let i = 0; i < identities.length; i += 100) {
    if (i > 0) await sleep(pauseMs);
    const chunk = identities.slice(i, i + 100);
    const attrs =
      (await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: chunk })))
        .VerificationAttributes ?? {};
    for (const identity of chunk) {
      const status = attrs[identity]?.VerificationStatus ?? 'NotStarted';
      out.push({
        identity,
        kind: identity.includes('@') ? 'address' : 'domain',
        status,
        verified: status === 'Success',
      });
    }
  }
  return out.sort((a, b) => Number(b.verified) - Number(a.verified) || a.identity.localeCompare(b.identity));
}

/** Asks SES to mail the address a verification link (SES v1 VerifyEmailIdentity) and reports its status. */
export async function verifyRecipient(
  clients: AwsClients,
  address: string,
): Promise<{ address: string; status: string; verified: boolean }> {
  const { VerifyEmailIdentityCommand, GetIdentityVerificationAttributesCommand } =
    await import('@aws-sdk/client-ses');
  const ses = await clients.ses();
  await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
  const attrs =
    (await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: [address] })))
      .VerificationAttributes ?? {};
  const status = attrs[address]?.VerificationStatus ?? 'Pending';
  return { address, status, verified: status === 'Success' };
}
