/**
 * Which SES_ASSISTANT_*_ENDPOINT overrides the app honours (core/endpoints.ts reads them). They
 * exist for LocalStack and moto, and they redirect the person's AWS keys, so:
 * - a packaged build ignores them unless SES_ASSISTANT_ALLOW_CUSTOM_ENDPOINTS=1 is set as well;
 * - each must be https, or http only to this computer (127.0.0.0/8, ::1, localhost).
 * Whatever is refused is said in the log, one line each, and left out.
 */
import type { Endpoints } from '../core/aws-clients';
import { endpointsFromEnvironment } from '../core/endpoints';
import type { Log } from '../core/log';

export const ALLOW_CUSTOM_ENDPOINTS = 'SES_ASSISTANT_ALLOW_CUSTOM_ENDPOINTS';

const variableOf = (key: string) =>
  key === 'default' ? 'SES_ASSISTANT_AWS_ENDPOINT' : `SES_ASSISTANT_${key.toUpperCase()}_ENDPOINT`;

/** 127.0.0.0/8, ::1 and localhost, as the URL parser writes them (it normalises 127.1 and [0::1]). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why an endpoint is refused, or null when it may be used. */
export function endpointProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  if (url.protocol === 'http:')
    return 'uses plain http to another computer (only https, or http to 127.0.0.1/::1/localhost)';
  return 'is neither https nor http';
}

export function customEndpoints(
  env: NodeJS.ProcessEnv,
  options: { packaged: boolean; log: Log },
): Endpoints | undefined {
  const asked = endpointsFromEnvironment(env);
  if (!asked) return undefined;
  if (options.packaged && env[ALLOW_CUSTOM_ENDPOINTS] !== '1') {
    options.log.error(
      `custom AWS endpoints ignored: this is a packaged build; set ${ALLOW_CUSTOM_ENDPOINTS}=1 as well to use them`,
      { variables: Object.keys(asked).map(variableOf) },
    );
    return undefined;
  }
  const kept: Endpoints = {};
  for (const [key, value] of Object.entries(asked) as [keyof Endpoints, string][]) {
    const problem = endpointProblem(value);
    if (problem) options.log.error(`custom AWS endpoint ignored: ${variableOf(key)} ${problem}`);
    else kept[key] = value;
  }
  if (!Object.keys(kept).length) return undefined;
  options.log.info('custom AWS endpoints in use', { variables: Object.keys(kept).map(variableOf) });
  return kept;
}
