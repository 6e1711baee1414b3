/**
 * A real SMTP server on loopback (the `smtp-server` package) standing in for
 * email-smtp.<region>.amazonaws.com: STARTTLS on a plain port (like 587) or implicit TLS (like
 * 465), AUTH only after TLS, a certificate made for 127.0.0.1 by this file, and only the
 * credentials the test says. It records every login attempt and every message received, so the
 * SMTP login test and the test sends can both use it. Needs `openssl` (Debian: apt-get install openssl).
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { selfSigned } from './openssl';

export interface TestCertificate {
  /** PEM: self-signed for IP 127.0.0.1 and localhost; pass it as the client's `ca`. */
  cert: string;
  key: string;
}

let cached: TestCertificate | null = null;

/** A throwaway certificate for 127.0.0.1, made once per test process. */
export function testCertificate(): TestCertificate {
  cached ??= selfSigned('test certificate', [
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-days',
    '2',
    '-subj',
    '/CN=SES assistant test SMTP',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
  ]);
  return cached;
}

export interface LoginAttempt {
  user: string;
  accepted: boolean;
}

export interface ReceivedMessage {
  /** The SMTP user that sent it. */
  user: string | undefined;
  from: string | null;
  to: string[];
  /** The whole message as received (headers and body). */
  raw: string;
}

export interface SmtpPeer {
  host: '127.0.0.1';
  port: number;
  /** The certificate to trust (PEM). */
  ca: string;
  /** `peers.smtp` for the assistant: connect here and trust this certificate. */
  override: { host: string; port: number; ca: string };
  logins: LoginAttempt[];
  messages: ReceivedMessage[];
  stop(): Promise<void>;
}

export interface SmtpPeerOptions {
  /** user name → the only password accepted for it. Anything else gets SES's 535. */
  users: Record<string, string>;
  /** true: implicit TLS from the first byte (like port 465); false (default): STARTTLS (like 587). */
  implicitTls?: boolean;
  /** Answer every AUTH with this instead (e.g. 454 throttling) to test error mapping. */
  authFailure?: { responseCode: number; message: string };
}

export async function startSmtpPeer(options: SmtpPeerOptions): Promise<SmtpPeer> {
  const { cert, key } = testCertificate();
  const logins: LoginAttempt[] = [];
  const messages: ReceivedMessage[] = [];
  const serverOptions: SMTPServerOptions = {
    secure: options.implicitTls ?? false,
    key,
    cert,
    // Like SES: AUTH is refused until the connection is encrypted.
    allowInsecureAuth: false,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      const user = auth.username ?? '';
      if (options.authFailure) {
        logins.push({ user, accepted: false });
        return callback(Object.assign(new Error(options.authFailure.message), options.authFailure));
      }
      const expected = options.users[user];
      const accepted = expected !== undefined && auth.password === expected;
      logins.push({ user, accepted });
      if (!accepted) {
        return callback(
          Object.assign(new Error('Authentication Credentials Invalid'), { responseCode: 535 }),
        );
      }
      callback(null, { user });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          user: typeof session.user === 'string' ? session.user : undefined,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', () => undefined);
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    host: '127.0.0.1',
    port,
    ca: cert,
    override: { host: '127.0.0.1', port, ca: cert },
    logins,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
