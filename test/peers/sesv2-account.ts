/**
 * A loopback stand-in for the two SES v2 account calls moto lacks: GetAccount
 * (GET /v2/email/account) and PutAccountDetails (POST /v2/email/account/details). It answers with
 * the JSON bodies the SES v2 API reference documents, so the real SDK serialises the requests and
 * parses the answers, and it records every request it got. A test moves the review along
 * (PENDING → GRANTED, …) or makes GetAccount denied, as IAM would for a user without ses:GetAccount.
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
  Details?: {
    MailType?: string;
    WebsiteURL?: string;
    ContactLanguage?: string;
    UseCaseDescription?: string;
    AdditionalContactEmailAddresses?: string[];
    ReviewDetails?: { Status: ReviewStatus; CaseId: string };
  };
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
  };
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
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      peer.requests.push({
        method: req.method ?? '',
        path,
        body,
        signed: String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 '),
      });
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
    reset() {
      peer.requests.length = 0;
      peer.state = sandboxed();
      peer.denyGetAccount = false;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
