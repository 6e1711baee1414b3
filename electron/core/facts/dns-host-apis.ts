/**
 * Why the assistant does not add the records itself at some DNS hosts, in plain words. Dated facts:
 * re-check them when a host changes its API terms.
 *
 * - GoDaddy: since May 2024 its Domains API (DNS records included) answers production calls only for
 *   accounts with 10 or more domains or a Discount Domain Club plan; others get 403 Forbidden.
 *   Source: https://developer.godaddy.com/getstarted ("Production access"), as quoted by
 *   https://go-acme.github.io/lego/dns/godaddy/ (2024-04 change). Checked 2026-11-28.
 * - Namecheap: API access is granted only to accounts with 20 or more domains, a $50 balance, or $50
 *   spent in the last two years, and every call must come from an IPv4 address added beforehand to
 *   the account's whitelist. Source: https://www.namecheap.com/support/api/intro/ ("Enabling API
 *   access", "Whitelisting IP"). Checked 2026-11-28.
 *
 * Domain Connect (one-click templates some hosts offer) is out of scope: it needs a signing service
 * and onboarding with each host.
 */
export const HOST_API_FACTS_CHECKED = '2026-11-28';

const WHY_NOT: Record<string, string> = {
  godaddy:
    'The assistant cannot add these records at GoDaddy for you: GoDaddy opens its DNS API only to accounts with 10 or more domains or a paid Discount Domain Club plan. Adding them by hand takes about ten minutes.',
  namecheap:
    'The assistant cannot add these records at Namecheap for you: Namecheap opens its API only to larger accounts (20 domains, or $50 of balance or spending), and only from a fixed internet address registered in advance, which a home or office connection rarely has. Adding them by hand takes about ten minutes.',
};

export function whyNotAutomatic(hostId: string): string | null {
  return WHY_NOT[hostId] ?? null;
}
