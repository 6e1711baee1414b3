/**
 * A loopback stand-in for the SES v2 account calls moto lacks: GetAccount (GET /v2/email/account),
 * PutAccountDetails (POST /v2/email/account/details), and the account-level suppression list:
 * PutAccountSuppressionAttributes (PUT /v2/email/account/suppression), ListSuppressedDestinations
 * (GET /v2/email/suppression/addresses), Get/Put/DeleteSuppressedDestination. It answers with the
 * JSON bodies and errors the SES v2 API reference documents, so the real SDK serialises the
 * requests and parses the answers, and it records every request it got. A test moves the review
 * along (PENDING → GRANTED, …), makes GetAccount denied, as IAM would for a user without
 * ses:GetAccount, or refuses the suppression calls to one access key.
 */
import http from 'node:http';

export type ReviewStatus = 'PENDING' | 'GRANTED' | 'DENIED' | 'FAILED';

export interface AccountState {
  ProductionAccessEnabled: boolean;
  SendingEnabled: boolean;
  EnforcementStatus: 'HEALTHY' | 'PROBATION' | 'SHUTDOWN';
  SendQuota: { Max24HourSend: number; MaxSendRate: number; SentLast24Hours: number };
  /** The account's SES pricing plan, as GetAccount reports it since the 2026 plans. */
  PricingAttributes?: { CurrentPlan: 'NONE' | 'ESSENTIALS' | 'PRO' | 'ENTERPRISE' };
  /** The reasons SES adds addresses to the account's suppression list for. */
  SuppressionAttributes: { SuppressedReasons: SuppressionReason[] };
  Details?: {
    MailType?: string;
    WebsiteURL?: string;
    ContactLanguage?: string;
    UseCaseDescription?: string;
    AdditionalContactEmailAddresses?: string[];
    ReviewDetails?: { Status: ReviewStatus; CaseId: string };
  };
}

export type SuppressionReason = 'BOUNCE' | 'COMPLAINT';

/** One address on the account's suppression list, as SES keeps it. */
export interface SuppressedEntry {
  Reason: SuppressionReason;
  LastUpdateTime: Date;
  MessageId?: string;
  FeedbackId?: string;
}

/** A suppression-list call, with what the others do not need: its query and the key that signed it. */
export interface SuppressionRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  accessKeyId: string | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The parsed JSON body (PutAccountDetails), or null. */
  body: Record<string, unknown> | null;
  /** Whether the request was signed (an Authorization header with SigV4 was present). */
  signed: boolean;
}

export interface Sesv2AccountPeer {
  endpoint: string;
  requests: RecordedRequest[];
  state: AccountState;
  /** Answer GetAccount with 403 AccessDeniedException (IAM without ses:GetAccount). */
  denyGetAccount: boolean;
  /**
   * Domain identities GetEmailIdentity knows, with the DKIM tokens and the zone SES publishes their
   * keys under (DkimAttributes.SigningHostedZone); any other identity is NotFoundException.
   */
  identities: Map<string, { tokens: string[]; signingHostedZone: string }>;
  /** The suppression-list calls, in order (kept apart so the other calls' records stay as they were). */
  suppressionRequests: SuppressionRequest[];
  /** The account-level suppression list, by address. */
  suppressed: Map<string, SuppressedEntry>;
  /** Access keys whose suppression-list calls IAM refuses (403 AccessDeniedException). */
  suppressionDeniedFor: Set<string>;
  /**
   * Refuse adding and removing addresses while the account is in the sandbox, as AWS documents for
   * API calls that manage the list. AWS does not document the refusal's body: a BadRequestException
   * whose message does not say why stands for it, so a test proves the assistant does not rely on it.
   */
  refuseListChangesInSandbox: boolean;
  /** Puts an address on the list as SES would after a bounce or complaint. */
  suppress(address: string, reason: SuppressionReason, extra?: Partial<SuppressedEntry>): void;
  /** AWS decides: sets the review status, and production access with its quota when granted. */
  decide(status: ReviewStatus): void;
  reset(): void;
  stop(): Promise<void>;
}

export const SANDBOX_QUOTA = { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 };
export const PRODUCTION_QUOTA = { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 0 };
export const CASE_ID = '17298345610';

function sandboxed(): AccountState {
  return {
    ProductionAccessEnabled: false,
    SendingEnabled: true,
    EnforcementStatus: 'HEALTHY',
    SendQuota: { ...SANDBOX_QUOTA },
    // A new account suppresses for bounces and complaints; tests turn reasons off to see "turn on".
    SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
  };
}

const REASONS: readonly string[] = ['BOUNCE', 'COMPLAINT'];
/** ListSuppressedDestinations' PageSize: the API reference allows 1 to 1,000. */
const MAX_PAGE_SIZE = 1000;
const ADDRESSES = '/v2/email/suppression/addresses';

/** A date from the query string: ISO 8601 (what the SDK sends) or Unix seconds. */
function queryDate(value: string | null): Date | null | 'invalid' {
  if (value === null) return null;
  const date = /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? 'invalid' : date;
}

/** The access key ID in a SigV4 Authorization header ("… Credential=AKIA…/date/region/…"). */
function signingKey(authorization: string | undefined): string | null {
  return /Credential=([A-Z0-9]+)\//.exec(authorization ?? '')?.[1] ?? null;
}

function json(res: http.ServerResponse, status: number, body: unknown, errorType?: string) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-requestid': '5c8d2e7a-0000-4000-8000-000000000000',
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
}

export async function startSesv2AccountPeer(): Promise<Sesv2AccountPeer> {
  const peer = {
    requests: [] as RecordedRequest[],
    state: sandboxed(),
    denyGetAccount: false,
    identities: new Map<string, { tokens: string[]; signingHostedZone: string }>(),
    suppressionRequests: [] as SuppressionRequest[],
    suppressed: new Map<string, SuppressedEntry>(),
    suppressionDeniedFor: new Set<string>(),
    refuseListChangesInSandbox: false,
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> | null = null;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
      } catch {
        return json(res, 400, { message: 'Malformed JSON' }, 'BadRequestException');
      }
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname;
      const accessKeyId = signingKey(req.headers.authorization);
      peer.requests.push({
        method: req.method ?? '',
        path,
        body,
        signed: String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 '),
      });
      if (path === '/v2/email/account/suppression' || path.startsWith(ADDRESSES)) {
        peer.suppressionRequests.push({
          method: req.method ?? '',
          path,
          query: url.searchParams,
          accessKeyId,
        });
        return suppression(req.method ?? '', path, url.searchParams, body, accessKeyId, res);
      }
      if (req.method === 'GET' && path === '/v2/email/account') {
        if (peer.denyGetAccount)
          return json(
            res,
            403,
            {
              message:
                'User: arn:aws:iam::123456789012:user/ses-sender is not authorized to perform: ses:GetAccount',
            },
            'AccessDeniedException',
          );
        return json(res, 200, { DedicatedIpAutoWarmupEnabled: false, ...peer.state });
      }
      const identity = /^\/v2\/email\/identities\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && identity) {
        const name = decodeURIComponent(identity[1]!);
        const known = peer.identities.get(name);
        if (!known)
          return json(res, 404, { message: `Email identity ${name} does not exist.` }, 'NotFoundException');
        // The GetEmailIdentity response body as the SES v2 API reference documents it.
        return json(res, 200, {
          IdentityType: 'DOMAIN',
          FeedbackForwardingStatus: true,
          VerifiedForSendingStatus: false,
          VerificationStatus: 'PENDING',
          DkimAttributes: {
            SigningEnabled: true,
            Status: 'PENDING',
            Tokens: known.tokens,
            SigningHostedZone: known.signingHostedZone,
            SigningAttributesOrigin: 'AWS_SES',
            NextSigningKeyLength: 'RSA_2048_BIT',
            CurrentSigningKeyLength: 'RSA_2048_BIT',
          },
          MailFromAttributes: { BehaviorOnMxFailure: 'USE_DEFAULT_VALUE', MailFromDomainStatus: 'PENDING' },
          Policies: {},
          Tags: [],
        });
      }
      // The API reference documents POST; PUT is accepted too, as some descriptions say PUT.
      if ((req.method === 'POST' || req.method === 'PUT') && path === '/v2/email/account/details') {
        if (!body?.MailType || !body.WebsiteURL)
          return json(res, 400, { message: 'MailType and WebsiteURL are required.' }, 'BadRequestException');
        peer.state.Details = {
          MailType: body.MailType as string,
          WebsiteURL: body.WebsiteURL as string,
          ContactLanguage: body.ContactLanguage as string | undefined,
          UseCaseDescription: body.UseCaseDescription as string | undefined,
          AdditionalContactEmailAddresses: body.AdditionalContactEmailAddresses as string[] | undefined,
          ReviewDetails: { Status: 'PENDING', CaseId: CASE_ID },
        };
        return json(res, 200, {});
      }
      return json(res, 404, { message: `No route for ${req.method} ${path}` }, 'NotFoundException');
    });
  });

  function suppressAddress(address: string, reason: SuppressionReason, extra: Partial<SuppressedEntry> = {}) {
    // One entry per address whatever its case, so a test cannot end up with two for one mailbox.
    peer.suppressed.set(address.toLowerCase(), { LastUpdateTime: new Date(), ...extra, Reason: reason });
  }

  /** The suppression-list calls, each with the bodies and errors the SES v2 API reference documents. */
  function suppression(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown> | null,
    accessKeyId: string | null,
    res: http.ServerResponse,
  ) {
    const badRequest = (message: string) => json(res, 400, { message }, 'BadRequestException');
    if (accessKeyId && peer.suppressionDeniedFor.has(accessKeyId))
      return json(
        res,
        403,
        {
          message: `User: arn:aws:iam::123456789012:user/ses-sender is not authorized to perform this action`,
        },
        'AccessDeniedException',
      );
    if (
      peer.refuseListChangesInSandbox &&
      !peer.state.ProductionAccessEnabled &&
      path.startsWith(ADDRESSES) &&
      (method === 'PUT' || method === 'DELETE')
    )
      return badRequest('The operation is not available for this account.');
    if (path === '/v2/email/account/suppression') {
      if (method !== 'PUT') return json(res, 404, { message: 'No such route' }, 'NotFoundException');
      const reasons = body?.SuppressedReasons;
      if (!Array.isArray(reasons) || reasons.some((r) => !REASONS.includes(r as string)))
        return badRequest('SuppressedReasons may contain only BOUNCE and COMPLAINT.');
      peer.state.SuppressionAttributes = { SuppressedReasons: [...new Set(reasons)] as SuppressionReason[] };
      return json(res, 200, {});
    }
    if (path === ADDRESSES && method === 'GET') {
      const reasons = query.getAll('Reason');
      if (reasons.some((r) => !REASONS.includes(r))) return badRequest('Reason must be BOUNCE or COMPLAINT.');
      const start = queryDate(query.get('StartDate'));
      const end = queryDate(query.get('EndDate'));
      if (start === 'invalid' || end === 'invalid') return badRequest('StartDate and EndDate must be dates.');
      const size = query.has('PageSize') ? Number(query.get('PageSize')) : MAX_PAGE_SIZE;
      if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
        return badRequest(`PageSize must be between 1 and ${MAX_PAGE_SIZE}.`);
      // NextToken is opaque to callers: here the offset, base64-encoded, so a forged one is refused.
      const token = query.get('NextToken');
      const offset =
        token === null
          ? 0
          : Number(
              Buffer.from(token, 'base64')
                .toString('utf8')
                .replace(/^offset:/, ''),
            );
      if (
        token !== null &&
        (!/^offset:\d+$/.test(Buffer.from(token, 'base64').toString('utf8')) || !Number.isInteger(offset))
      )
        return badRequest('The NextToken is not valid.');
      const all = [...peer.suppressed]
        .filter(([, e]) => reasons.length === 0 || reasons.includes(e.Reason))
        .filter(([, e]) => !start || e.LastUpdateTime >= start)
        .filter(([, e]) => !end || e.LastUpdateTime <= end)
        .sort(([a], [b]) => a.localeCompare(b));
      const page = all.slice(offset, offset + size);
      const next =
        offset + size < all.length ? Buffer.from(`offset:${offset + size}`).toString('base64') : undefined;
      return json(res, 200, {
        SuppressedDestinationSummaries: page.map(([address, e]) => ({
          EmailAddress: address,
          Reason: e.Reason,
          LastUpdateTime: e.LastUpdateTime.getTime() / 1000,
        })),
        ...(next ? { NextToken: next } : {}),
      });
    }
    if (path === ADDRESSES && method === 'PUT') {
      const address = body?.EmailAddress;
      const reason = body?.Reason;
      if (typeof address !== 'string' || !address.includes('@'))
        return badRequest('EmailAddress must be an email address.');
      if (!REASONS.includes(reason as string)) return badRequest('Reason must be BOUNCE or COMPLAINT.');
      suppressAddress(address, reason as SuppressionReason);
      return json(res, 200, {});
    }
    const one = /^\/v2\/email\/suppression\/addresses\/([^/]+)$/.exec(path);
    if (one) {
      const address = decodeURIComponent(one[1]!).toLowerCase();
      const entry = peer.suppressed.get(address);
      if (method === 'GET' || method === 'DELETE') {
        if (!entry)
          return json(
            res,
            404,
            { message: `Email address ${address} does not exist on your suppression list.` },
            'NotFoundException',
          );
        if (method === 'DELETE') {
          peer.suppressed.delete(address);
          return json(res, 200, {});
        }
        return json(res, 200, {
          SuppressedDestination: {
            EmailAddress: address,
            Reason: entry.Reason,
            LastUpdateTime: entry.LastUpdateTime.getTime() / 1000,
            ...(entry.MessageId || entry.FeedbackId
              ? { Attributes: { MessageId: entry.MessageId, FeedbackId: entry.FeedbackId } }
              : {}),
          },
        });
      }
    }
    return json(res, 404, { message: `No route for ${method} ${path}` }, 'NotFoundException');
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return Object.assign(peer, {
    endpoint: `http://127.0.0.1:${port}`,
    decide(status: ReviewStatus) {
      peer.state.Details = {
        ...peer.state.Details,
        ReviewDetails: { Status: status, CaseId: peer.state.Details?.ReviewDetails?.CaseId ?? CASE_ID },
      };
      if (status === 'GRANTED') {
        peer.state.ProductionAccessEnabled = true;
        peer.state.SendQuota = { ...PRODUCTION_QUOTA };
      }
    },
    suppress: suppressAddress,
    reset() {
      peer.requests.length = 0;
      peer.state = sandboxed();
      peer.denyGetAccount = false;
      peer.suppressed.clear();
      peer.suppressionRequests.length = 0;
      peer.suppressionDeniedFor.clear();
      peer.refuseListChangesInSandbox = false;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
