/**
 * Cloudflare's failures in plain words, each with the fix. Built from the HTTP status and the error
 * codes of the response envelope (never from its messages, which could echo what was sent).
 */
import { fail, type AssistantError } from '../../core/errors';
import { CLOUDFLARE } from '../../core/facts/cloudflare';
import { CloudflareApiError } from './api';

const MAKE_TOKEN = 'Press “Open Cloudflare’s token page”, create the token, copy it whole and paste it here.';

export const TOKEN_INVALID: AssistantError = {
  code: 'CLOUDFLARE_TOKEN_INVALID',
  title: 'Cloudflare did not accept this token',
  explanation:
    'The token may be incomplete (it is one long line), it may have been deleted or rolled at Cloudflare, or it has expired.',
  fix: MAKE_TOKEN,
  retryable: false,
};

export function tokenNotActive(status: string): AssistantError {
  const expired = status === 'expired';
  return {
    code: 'CLOUDFLARE_TOKEN_EXPIRED',
    title: expired ? 'This Cloudflare token has expired' : 'This Cloudflare token is switched off',
    explanation: expired
      ? 'Cloudflare tokens can be made with an end date, and this one has passed it.'
      : 'The token exists at Cloudflare but is not active (it was disabled, or its start date has not come yet).',
    fix: MAKE_TOKEN,
    retryable: false,
  };
}

export const NO_DNS_EDIT: AssistantError = {
  code: 'CLOUDFLARE_NO_DNS_EDIT',
  title: 'This token may not change DNS records',
  explanation:
    'Cloudflare refused because the token lacks the permission Zone → DNS → Edit for this domain (or Zone → Zone → Read to find it).',
  fix: 'Make a new token with “Open Cloudflare’s token page” (both permissions come already chosen), or edit this one at Cloudflare to add Zone → DNS → Edit for the domain; then paste it here.',
  retryable: false,
};

export function zoneNotFound(domain: string): AssistantError {
  return {
    code: 'CLOUDFLARE_ZONE_NOT_FOUND',
    title: `This token cannot see ${domain}`,
    explanation: `${domain} is not among the domains this token may use: it is in another Cloudflare account, or the token was limited to other domains.`,
    fix: `Sign in to the Cloudflare account that holds ${domain}, open the token page from here again, and under “Zone Resources” choose ${domain}.`,
    retryable: false,
  };
}

/** "a.test", "a.test and b.test", "a.test, b.test and c.test"; past ten, "… and 12 more". */
export function listOfNames(names: readonly string[], most = 10): string {
  const shown = names.length > most ? [...names.slice(0, most), `${names.length - most} more`] : [...names];
  return shown.length < 2 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * A token that reaches zones besides the domain's is kept only once the person confirms those zones
 * by name: the refusal carries them (`names`) for the screen to list and ask.
 */
export function tokenReachesOtherZones(domain: string, others: string[]): AssistantError {
  const one = others.length === 1;
  return {
    code: 'CLOUDFLARE_TOKEN_OTHER_ZONES',
    title: `This token can change ${one ? 'another domain' : `${others.length} other domains`} too`,
    explanation: `Besides ${domain}, it may change the DNS of ${listOfNames(others)}. The assistant keeps a token that can change only the domain it needs, unless you agree to more; nothing was kept.`,
    fix: `Make a token for ${domain} alone (on Cloudflare’s token page, under “Zone Resources”, choose Specific zone and ${domain}) and paste it here. Or, if you mean this token to be kept, confirm the ${one ? 'domain' : 'domains'} it can also change.`,
    retryable: false,
    names: others,
  };
}

export function zonePending(domain: string): AssistantError {
  return {
    code: 'CLOUDFLARE_ZONE_PENDING',
    title: `${domain} is not active at Cloudflare yet`,
    explanation:
      'Cloudflare waits until the domain’s nameservers, set where the domain was bought, point to Cloudflare. Until then records written there would not be seen.',
    fix: 'Finish the nameserver change at your domain registrar. Cloudflare emails you and marks the domain “Active”, usually within a few hours; then press “Try again” here.',
    retryable: true,
  };
}

export const TOKEN_NEEDED: AssistantError = {
  code: 'CLOUDFLARE_TOKEN_NEEDED',
  title: 'The assistant has no Cloudflare token for this domain',
  explanation: 'The token was forgotten, or was never given on this computer.',
  fix: 'On the DNS records screen, paste a Cloudflare token for the domain again.',
  retryable: false,
};

export function rateLimited(retryAfterS: number | null): AssistantError {
  const minutes = retryAfterS === null ? 5 : Math.max(1, Math.ceil(retryAfterS / 60));
  return {
    code: 'CLOUDFLARE_RATE_LIMITED',
    title: 'Cloudflare asks the assistant to slow down',
    explanation: `Too many requests were made with this token in a short time (Cloudflare allows ${CLOUDFLARE.rateLimitPer5Min} in five minutes, counting the dashboard and other tools using it). Nothing more was changed.`,
    fix: `Wait about ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.`,
    retryable: true,
  };
}

export const CLOUDFLARE_DOWN: AssistantError = {
  code: 'CLOUDFLARE_DOWN',
  title: 'Cloudflare is not answering properly',
  explanation: 'Its API returned server errors several times in a row. This is on Cloudflare’s side.',
  fix: 'Try again in a few minutes. Cloudflare posts outages at www.cloudflarestatus.com.',
  retryable: true,
};

export const CLOUDFLARE_UNREACHABLE: AssistantError = {
  code: 'CLOUDFLARE_UNREACHABLE',
  title: 'Cloudflare could not be reached',
  explanation: 'The connection to api.cloudflare.com failed.',
  fix: 'Check your internet connection, then try again.',
  retryable: true,
};

/** Turns a failed call into words; `doing` says what the assistant was doing. */
export function cloudflareError(err: unknown, domain: string, doing: string): AssistantError {
  if (!(err instanceof CloudflareApiError))
    return {
      code: 'CLOUDFLARE_FAILED',
      title: 'Something went wrong talking to Cloudflare',
      explanation: `The assistant was ${doing}.`,
      fix: 'Try again. If it keeps happening, add the records by hand as shown on this screen.',
      retryable: true,
      detail: (err as { name?: string })?.name,
    };
  const { status, codes } = err;
  const has = (...list: readonly number[]) => list.some((c) => codes.includes(c));
  if (status === 0) return CLOUDFLARE_UNREACHABLE;
  if (status === 429) return rateLimited(err.retryAfterS);
  if (status >= 500) return { ...CLOUDFLARE_DOWN, detail: `HTTP ${status}` };
  if (has(...CLOUDFLARE.codes.invalidToken) || status === 401) return TOKEN_INVALID;
  if (has(CLOUDFLARE.codes.authentication) || status === 403) return NO_DNS_EDIT;
  if (has(...CLOUDFLARE.codes.invalidZone)) return zoneNotFound(domain);
  return {
    code: 'CLOUDFLARE_REJECTED',
    title: 'Cloudflare refused the change',
    explanation: `Cloudflare answered with an error while the assistant was ${doing}. Nothing else was changed.`,
    fix: 'Look at the record in the Cloudflare dashboard, or add it by hand as shown on this screen.',
    retryable: false,
    detail: `HTTP ${status}${codes.length ? ` codes ${codes.join(',')}` : ''}`,
  };
}

/** Runs one call, turning its failure into words. */
export async function asked<T>(work: Promise<T>, domain: string, doing: string): Promise<T> {
  try {
    return await work;
  } catch (err) {
    return fail(cloudflareError(err, domain, doing));
  }
}
