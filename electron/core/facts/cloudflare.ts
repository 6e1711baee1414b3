/**
 * Cloudflare's API v4 and its token page, as documented, kept as dated data in one place: where the
 * API answers, how the dashboard's token form is pre-filled, the two permissions the assistant
 * asks for, the rate limit, and the error codes the assistant recognises.
 */
export const CLOUDFLARE = {
  asOf: '2026-11-28',
  sources: [
    'https://developers.cloudflare.com/fundamentals/api/how-to/account-owned-token-template/',
    'https://developers.cloudflare.com/fundamentals/api/reference/permissions/',
    'https://developers.cloudflare.com/fundamentals/api/reference/limits/',
    'https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/',
    'https://developers.cloudflare.com/api/resources/accounts/subresources/tokens/methods/verify/',
    'https://developers.cloudflare.com/api/resources/accounts/methods/list/',
    'https://developers.cloudflare.com/api/resources/dns/subresources/records/',
  ],
  apiBase: 'https://api.cloudflare.com/client/v4',
  /** The user-token form; the template parameters are read from its query string. */
  tokenPage: 'https://dash.cloudflare.com/profile/api-tokens',
  /**
   * The permission groups, by the keys the template URL takes: Zone → Zone → Read (to find the
   * zone by its name) and Zone → DNS → Edit (to write the records). Nothing else.
   */
  permissions: [
    { key: 'zone', type: 'read', words: 'Zone → Zone → Read' },
    { key: 'dns', type: 'edit', words: 'Zone → DNS → Edit' },
  ],
  /** Requests per five minutes for one token; past it every call answers 429 for five minutes. */
  rateLimitPer5Min: 1200,
  /** Records per page when listing (the API's largest page for DNS records is 5,000; zones and accounts 50). */
  zonesPerPage: 50,
  accountsPerPage: 50,
  recordsPerPage: 100,
  /** TTL 1 means "Auto" at Cloudflare (300 s for records that are not proxied). */
  autoTtl: 1,
  /** Error codes in the response envelope's errors[].code that the assistant tells apart. */
  codes: {
    /**
     * 1000 "Invalid API Token" is also what /user/tokens/verify answers for an account-owned token,
     * which is then verified at /accounts/{account_id}/tokens/verify (same { id, status } body).
     */
    userTokenUnknown: 1000,
    invalidToken: [1000, 6003, 6111, 9109],
    authentication: 10000,
    rateLimited: 971,
    recordNotFound: 81044,
    recordExists: [81053, 81057, 81058],
    invalidZone: [1001, 7003],
  },
} as const;

/**
 * The token page pre-filled with the two permissions and a name the person will recognise later.
 * The template form takes "all accounts" and "all zones" (`accountId=*`, `zoneId=all`): a zone's id
 * cannot be known before a token exists (DNS does not show it), so the person narrows "Zone
 * Resources" to this one domain on the form, and the assistant checks afterwards what the token sees:
 * a token that reaches other zones is refused unless the person confirms those zones by name.
 */
export function tokenPageUrl(domain: string): string {
  const keys = CLOUDFLARE.permissions.map(({ key, type }) => ({ key, type }));
  const query = [
    `permissionGroupKeys=${encodeURIComponent(JSON.stringify(keys))}`,
    'accountId=*',
    'zoneId=all',
    `name=${encodeURIComponent(`SES Setup Assistant (${domain})`)}`,
  ].join('&');
  return `${CLOUDFLARE.tokenPage}?${query}`;
}
