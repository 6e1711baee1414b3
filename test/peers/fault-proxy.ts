/**
 * A fault-injecting HTTP proxy on loopback, put between the app and moto (or any AWS-like peer).
 * Each request is matched against rules by service, action and the access key that signed it; a
 * matching rule answers with an AWS-shaped error, a 5xx, throttling, a delay or a dropped connection.
 *
 * It also covers what moto cannot show: moto keeps accepting a deactivated key, so with
 * `emulateKeyStatus` the proxy watches UpdateAccessKey / DeleteAccessKey pass through and refuses
 * requests signed with such keys, as AWS does (InvalidClientTokenId). moto acts on an identity's
 * notification topics but never reports them, so with `emulateNotificationTopics` the proxy keeps
 * the topics SetIdentityNotificationTopic sets (still passed on to moto, which publishes to them)
 * and answers GetIdentityNotificationAttributes itself, in the XML body the SES API reference
 * documents (BounceTopic, ComplaintTopic, DeliveryTopic). moto verifies every address at once, so
 * with `emulateEmailVerification` an address given to VerifyEmailIdentity stays Pending in
 * GetIdentityVerificationAttributes (moto's answer, rewritten) until the test "clicks the link" by
 * taking it out of `pendingEmails`, as SES keeps an address Pending until its link is clicked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultEffect =
  | { kind: 'error'; status: number; code: string; message?: string }
  | { kind: 'invalid-key' }
  | { kind: 'throttle' }
  | { kind: 'server-error'; status?: number }
  | { kind: 'drop' }
  /** A 200 whose body stops half-way: the connection is lost mid-response. */
  | { kind: 'cut' }
  /** A 200 whose body stops half-way and then nothing more comes: the connection stays open. */
  | { kind: 'stall' }
  | { kind: 'delay'; ms: number }
  /** Holds the request until the promise settles, so a test sees the "in progress" state for sure. */
  | { kind: 'hold'; until: Promise<unknown> };

export interface FaultRule {
  /** Region from the signature's credential scope (e.g. a region the account has not switched on). */
  region?: string;
  /** Service from the signature's credential scope (iam, sts, ses, …). */
  service?: string;
  /** The action (Query protocol `Action=` or the JSON protocol's X-Amz-Target operation). */
  action?: string;
  /** Only requests signed with one of these access key IDs. */
  keyIds?: string[];
  /** Only requests signed with a key other than these (e.g. "any new key"). */
  keyIdsExcept?: string[];
  effect: FaultEffect;
  /** Apply this many times, then stop (default: always). */
  times?: number;
}

export interface SeenRequest {
  service: string;
  action: string;
  keyId: string;
  faulted: string | null;
  /** When it arrived (performance.now()), to measure the backoff between retries. */
  at: number;
}

export interface FaultProxy {
  endpoint: string;
  rules: FaultRule[];
  /** Every request that passed, in order (service, action, signing key; never a secret). */
  seen: SeenRequest[];
  /** Key IDs the proxy treats as deactivated or deleted (filled by emulateKeyStatus, or by hand). */
  deadKeys: Set<string>;
  /** With emulateNotificationTopics: identity → notification type (Bounce, …) → topic ARN. */
  notificationTopics: Map<string, Map<string, string>>;
  /** With emulateEmailVerification: addresses whose verification link has not been clicked yet. */
  pendingEmails: Set<string>;
  clear(): void;
  stop(): Promise<void>;
}

function awsError(status: number, code: string, message: string): { status: number; body: string } {
  return {
    status,
    body: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>`,
  };
}

function describe(
  req: http.IncomingMessage,
  body: string,
): { service: string; region: string; action: string; keyId: string; params: URLSearchParams } {
  const auth = req.headers.authorization ?? '';
  const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(auth);
  const params = new URLSearchParams(body);
  const target = String(req.headers['x-amz-target'] ?? '');
  const action = params.get('Action') ?? (target.split('.').pop() || `${req.method} ${req.url}`);
  return { keyId: scope?.[1] ?? '', region: scope?.[2] ?? '', service: scope?.[3] ?? '', action, params };
}

const xmlText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** GetIdentityNotificationAttributes' answer (Query protocol: Identities.member.N in, a map out). */
function notificationAttributesXml(
  params: URLSearchParams,
  topics: Map<string, Map<string, string>>,
): string {
  const identities = [...params.entries()]
    .filter(([name]) => name.startsWith('Identities.member.'))
    .map(([, value]) => value);
  const entries = identities.map((identity) => {
    const set = topics.get(identity) ?? new Map<string, string>();
    const topic = (type: string) => {
      const arn = set.get(type);
      return arn ? `<${type}Topic>${xmlText(arn)}</${type}Topic>` : '';
    };
    return `<entry><key>${xmlText(identity)}</key><value>${topic('Bounce')}${topic('Complaint')}${topic('Delivery')}<ForwardingEnabled>true</ForwardingEnabled><HeadersInBounceNotificationsEnabled>false</HeadersInBounceNotificationsEnabled><HeadersInComplaintNotificationsEnabled>false</HeadersInComplaintNotificationsEnabled><HeadersInDeliveryNotificationsEnabled>false</HeadersInDeliveryNotificationsEnabled></value></entry>`;
  });
  return `<GetIdentityNotificationAttributesResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><GetIdentityNotificationAttributesResult><NotificationAttributes>${entries.join('')}</NotificationAttributes></GetIdentityNotificationAttributesResult><ResponseMetadata><RequestId>fault-proxy</RequestId></ResponseMetadata></GetIdentityNotificationAttributesResponse>`;
}

export async function startFaultProxy(
  target: string,
  options: {
    emulateKeyStatus?: boolean;
    emulateNotificationTopics?: boolean;
    emulateEmailVerification?: boolean;
  } = {},
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: FaultRule[] = [];
  const seen: SeenRequest[] = [];
  const deadKeys = new Set<string>();
  const notificationTopics = new Map<string, Map<string, string>>();
  const pendingEmails = new Set<string>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): Promise<void> {
    const info = describe(req, raw.toString('utf8'));
    const record: SeenRequest = {
      service: info.service,
      action: info.action,
      keyId: info.keyId,
      faulted: null,
      at: performance.now(),
    };
    seen.push(record);

    const reply = (r: { status: number; body: string }, extra: Record<string, string> = {}) => {
      res.writeHead(r.status, { 'content-type': 'text/xml', ...extra });
      res.end(r.body);
    };

    if (options.emulateKeyStatus && deadKeys.has(info.keyId)) {
      record.faulted = 'dead-key';
      return reply(
        awsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.'),
      );
    }

    for (const rule of rules) {
      if (rule.times === 0) continue;
      if (rule.service && rule.service !== info.service) continue;
      if (rule.region && rule.region !== info.region) continue;
      if (rule.action && rule.action !== info.action) continue;
      if (rule.keyIds && !rule.keyIds.includes(info.keyId)) continue;
      if (rule.keyIdsExcept?.includes(info.keyId)) continue;
      if (rule.times !== undefined) rule.times--;
      const effect = rule.effect;
      record.faulted = effect.kind;
      switch (effect.kind) {
        case 'drop':
          req.socket.destroy();
          return;
        case 'cut':
          // Promise a longer body than is sent, and hang up once the first part has left.
          res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '4096' });
          res.write('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">', () =>
            req.socket.destroy(),
          );
          return;
        case 'stall':
          res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '4096' });
          res.write('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
          return;
        case 'delay':
          await new Promise((r) => setTimeout(r, effect.ms));
          break;
        case 'hold':
          await effect.until;
          break;
        case 'invalid-key':
          return reply(
            awsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.'),
          );
        case 'throttle':
          return reply(awsError(400, 'Throttling', 'Rate exceeded'));
        case 'server-error':
          return reply(awsError(effect.status ?? 500, 'ServiceFailure', 'Internal failure (injected).'));
        case 'error':
          return reply(awsError(effect.status, effect.code, effect.message ?? 'Injected error.'));
      }
    }

    if (
      options.emulateNotificationTopics &&
      info.service === 'ses' &&
      info.action === 'GetIdentityNotificationAttributes'
    )
      return reply({ status: 200, body: notificationAttributesXml(info.params, notificationTopics) });

    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        // The Host header is part of the SigV4 signature: it must reach the peer unchanged.
        headers: req.headers,
      },
      (up) => {
        const body: Buffer[] = [];
        up.on('data', (c: Buffer) => body.push(c));
        up.on('end', () => {
          const ok = (up.statusCode ?? 500) < 300;
          if (ok && options.emulateKeyStatus) noteKeyStatus(info.action, info.params);
          if (ok && options.emulateNotificationTopics && info.action === 'SetIdentityNotificationTopic')
            noteTopic(info.params);
          let answer = Buffer.concat(body);
          if (ok && options.emulateEmailVerification) {
            const address = info.params.get('EmailAddress');
            if (info.action === 'VerifyEmailIdentity' && address) pendingEmails.add(address);
            if (info.action === 'GetIdentityVerificationAttributes')
              answer = Buffer.from(stillPending(answer.toString('utf8')));
          }
          res.writeHead(up.statusCode ?? 502, { ...up.headers, 'content-length': String(answer.length) });
          res.end(answer);
        });
      },
    );
    forwarded.on('error', () => req.socket.destroy());
    forwarded.end(raw);
  }

  function noteKeyStatus(action: string, params: URLSearchParams): void {
    const keyId = params.get('AccessKeyId');
    if (!keyId) return;
    if (action === 'DeleteAccessKey') deadKeys.add(keyId);
    if (action === 'UpdateAccessKey') {
      if (params.get('Status') === 'Inactive') deadKeys.add(keyId);
      else deadKeys.delete(keyId);
    }
  }

  /** moto's "Success" for each address whose link is not clicked yet, made "Pending" as SES says it. */
  function stillPending(xml: string): string {
    return xml.replace(/<entry>\s*<key>([^<]*)<\/key>[\s\S]*?<\/entry>/g, (entry, key: string) =>
      pendingEmails.has(key)
        ? entry.replace(
            '<VerificationStatus>Success</VerificationStatus>',
            '<VerificationStatus>Pending</VerificationStatus>',
          )
        : entry,
    );
  }

  function noteTopic(params: URLSearchParams): void {
    const identity = params.get('Identity') ?? '';
    const type = params.get('NotificationType') ?? '';
    const topics = notificationTopics.get(identity) ?? new Map<string, string>();
    const topic = params.get('SnsTopic');
    if (topic) topics.set(type, topic);
    else topics.delete(type);
    notificationTopics.set(identity, topics);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    rules,
    seen,
    deadKeys,
    notificationTopics,
    pendingEmails,
    clear() {
      rules.splice(0);
      seen.splice(0);
      deadKeys.clear();
      notificationTopics.clear();
      pendingEmails.clear();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
