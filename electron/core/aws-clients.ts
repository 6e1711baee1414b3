/**
 * The one AWS client factory. Every service gets its clients from here, so region, credentials,
 * custom endpoints (moto, LocalStack), the corporate proxy, timeouts and the SDK's retry strategy
 * are decided in one place. SDK modules are imported on first use to keep start-up fast.
 */
import type { STSClient } from '@aws-sdk/client-sts';
import type { SESClient } from '@aws-sdk/client-ses';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { Route53Client } from '@aws-sdk/client-route-53';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type {
  AbsoluteLocation,
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  InitializeHandlerOptions,
  InitializeMiddleware,
} from '@smithy/types';
import type { AwsKeys } from './vault';

/**
 * A check that every client made from these credentials runs before each call, and that throws to
 * refuse it: the admin session's "still open?" (admin-session.ts). A symbol, not enumerable, so it is
 * never copied into a log line or a comparison of keys, and only this factory reads it.
 */
export const BEFORE_EACH_CALL = Symbol('beforeEachCall');

export type CredentialSource = (
  | ({ kind: 'keys' } & AwsKeys)
  | { kind: 'profile'; name: string; files?: AwsFiles }
  | { kind: 'environment' }
  | { kind: 'default-chain' }
) & { readonly [BEFORE_EACH_CALL]?: () => void };

/** A copy of `source` whose clients run `check` before each AWS call. */
export function checkedBeforeEachCall(source: CredentialSource, check: () => void): CredentialSource {
  const copy = { ...source };
  Object.defineProperty(copy, BEFORE_EACH_CALL, { value: check, enumerable: false });
  return copy;
}

/** What `checking` needs of an SDK client: its middleware stack. */
interface SdkClient {
  middlewareStack: {
    add(m: InitializeMiddleware<object, object>, o: InitializeHandlerOptions & AbsoluteLocation): void;
  };
}

/**
 * Runs the credentials' check before each call the client sends. Middleware rather than a credentials
 * provider: the SDK keeps what a provider returned until it expires, so a provider would be asked
 * once, not per call; middleware at the first step runs for every send, before signing and retries.
 */
function checking<C extends SdkClient>(client: C, source: CredentialSource): C {
  const check = source[BEFORE_EACH_CALL];
  if (check)
    client.middlewareStack.add(
      (next) => async (args) => {
        check();
        return next(args);
      },
      { step: 'initialize', priority: 'high', name: 'checkCredentialsBeforeEachCall' },
    );
  return client;
}

/** Where the shared AWS files are (~/.aws/credentials and ~/.aws/config unless overridden). */
export interface AwsFiles {
  credentials: string;
  config: string;
}

export type ServiceName = 'sts' | 'ses' | 'sesv2' | 'iam' | 'route53' | 'sns' | 'sqs' | 'cloudwatch';

/** Advanced: send each service to a custom endpoint (LocalStack, moto). `default` applies to all. */
export type Endpoints = Partial<Record<ServiceName | 'default', string>>;

export interface AwsOptions {
  region: string;
  credentials: CredentialSource;
  endpoints?: Endpoints;
  /** The SDK's standard retry strategy retries throttling and 5xx up to this many attempts. */
  maxAttempts?: number;
  /** Defaults to the environment's HTTPS_PROXY, used only for real AWS endpoints. */
  proxy?: string | null;
  /** How long one attempt may wait for an answer (default 20 s); tests of a silent peer set less. */
  requestTimeoutMs?: number;
}

export interface AwsClients {
  readonly region: string;
  sts(): Promise<STSClient>;
  ses(): Promise<SESClient>;
  sesv2(): Promise<SESv2Client>;
  iam(): Promise<IAMClient>;
  route53(): Promise<Route53Client>;
  sns(): Promise<SNSClient>;
  sqs(): Promise<SQSClient>;
  cloudwatch(): Promise<CloudWatchClient>;
}

async function resolveCredentials(
  source: CredentialSource,
): Promise<AwsCredentialIdentity | AwsCredentialIdentityProvider> {
  switch (source.kind) {
    case 'keys':
      return {
        accessKeyId: source.accessKeyId,
        secretAccessKey: source.secretAccessKey,
        sessionToken: source.sessionToken,
      };
    case 'profile': {
      const { fromIni } = await import('@aws-sdk/credential-providers');
      return fromIni({
        profile: source.name,
        filepath: source.files?.credentials,
        configFilepath: source.files?.config,
      });
    }
    case 'environment': {
      const { fromEnv } = await import('@aws-sdk/credential-providers');
      return fromEnv();
    }
    case 'default-chain': {
      const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
      return fromNodeProviderChain();
    }
  }
}

function proxyFromEnvironment(): string | null {
  return process.env.HTTPS_PROXY ?? process.env.https_proxy ?? null;
}

async function requestHandler(proxy: string | null, requestTimeout = 20_000) {
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  const httpsAgent = proxy ? new (await import('https-proxy-agent')).HttpsProxyAgent(proxy) : undefined;
  // Bounded waits: a dead network must produce an error the person can read, not a spinner forever.
  // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes and keeps
  // waiting; socketTimeout also ends an answer that stops half-way (headers, then silence).
  return new NodeHttpHandler({
    connectionTimeout: 5_000,
    requestTimeout,
    throwOnRequestTimeout: true,
    socketTimeout: requestTimeout,
    httpsAgent,
  });
}

export function createAwsClients(options: AwsOptions): AwsClients {
  const cache = new Map<ServiceName, Promise<unknown>>();

  async function config(service: ServiceName) {
    const endpoint = options.endpoints?.[service] ?? options.endpoints?.default;
    const proxy = endpoint ? null : options.proxy === undefined ? proxyFromEnvironment() : options.proxy;
    return {
      region: options.region,
      credentials: await resolveCredentials(options.credentials),
      endpoint,
      maxAttempts: options.maxAttempts ?? 3,
      retryMode: 'standard',
      requestHandler: await requestHandler(proxy, options.requestTimeoutMs),
    };
  }

  function lazy<T extends SdkClient>(service: ServiceName, make: () => Promise<T>): () => Promise<T> {
    return () => {
      if (!cache.has(service)) {
        const client = make().then((c) => checking(c, options.credentials));
        // A failed start (an unreadable profile, say) must not be remembered: the next call tries again.
        client.catch(() => cache.delete(service));
        cache.set(service, client);
      }
      return cache.get(service) as Promise<T>;
    };
  }

  return {
    region: options.region,
    sts: lazy('sts', async () => new (await import('@aws-sdk/client-sts')).STSClient(await config('sts'))),
    ses: lazy('ses', async () => new (await import('@aws-sdk/client-ses')).SESClient(await config('ses'))),
    sesv2: lazy(
      'sesv2',
      async () => new (await import('@aws-sdk/client-sesv2')).SESv2Client(await config('sesv2')),
    ),
    iam: lazy('iam', async () => new (await import('@aws-sdk/client-iam')).IAMClient(await config('iam'))),
    route53: lazy(
      'route53',
      async () => new (await import('@aws-sdk/client-route-53')).Route53Client(await config('route53')),
    ),
    sns: lazy('sns', async () => new (await import('@aws-sdk/client-sns')).SNSClient(await config('sns'))),
    sqs: lazy('sqs', async () => new (await import('@aws-sdk/client-sqs')).SQSClient(await config('sqs'))),
    cloudwatch: lazy(
      'cloudwatch',
      async () =>
        new (await import('@aws-sdk/client-cloudwatch')).CloudWatchClient(await config('cloudwatch')),
    ),
  };
}

/** The credentials a person gave on a connect or admin form: pasted keys, or a named AWS profile. */
export function credentialsFromInput(
  input:
    | { source: 'keys'; accessKeyId: string; secretAccessKey: string; sessionToken?: string }
    | { source: 'profile'; profileName: string },
  files: AwsFiles,
): CredentialSource {
  return input.source === 'keys'
    ? {
        kind: 'keys',
        accessKeyId: input.accessKeyId,
        secretAccessKey: input.secretAccessKey,
        sessionToken: input.sessionToken,
      }
    : { kind: 'profile', name: input.profileName, files };
}
