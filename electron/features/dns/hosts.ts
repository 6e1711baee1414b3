/**
 * Recognises the DNS host from a domain's NS records, so instructions can use that host's own
 * words: what its name field is called, whether it wants `abc._domainkey` or the full name, and
 * the mistakes its forms invite (Cloudflare's proxy, hosts that append the domain).
 */
import type { DnsHost } from './types';

export type { DnsHost };

const APPENDS =
  'Type only the part before your domain: this host adds the domain itself, so typing the full name makes it appear twice.';

const HOSTS: (DnsHost & { ns: RegExp })[] = [
  {
    id: 'route53',
    name: 'Amazon Route 53',
    ns: /\.awsdns-\d+\.(com|net|org|co\.uk)$/,
    nameField: 'Record name',
    nameStyle: 'relative',
    tips: [
      'In the Route 53 console open Hosted zones, choose your domain, then Create record.',
      'The Record name field already shows your domain after the box: type only the first part.',
    ],
  },
  {
    id: 'cloudflare',
    name: 'Cloudflare',
    ns: /\.ns\.cloudflare\.com$/,
    nameField: 'Name',
    nameStyle: 'either',
    tips: [
      'In the Cloudflare dashboard open your domain, then DNS → Records → Add record.',
      'Set Proxy status to “DNS only” (the grey cloud) for the three DKIM CNAME records. A proxied (orange cloud) CNAME answers with Cloudflare’s own addresses and SES cannot see it.',
      'Cloudflare accepts either the short name or the full name.',
    ],
  },
  {
    id: 'godaddy',
    name: 'GoDaddy',
    ns: /\.domaincontrol\.com$/,
    nameField: 'Name',
    nameStyle: 'relative',
    tips: [
      'In GoDaddy open My Products → your domain → DNS → Add New Record.',
      'For each record choose its Type, type the Name, paste the Value, leave the TTL as it is, then Save.',
      APPENDS,
    ],
  },
  {
    id: 'namecheap',
    name: 'Namecheap',
    ns: /\.registrar-servers\.com$/,
    nameField: 'Host',
    nameStyle: 'relative',
    tips: [
      'In Namecheap open Domain List → Manage → Advanced DNS → Add new record.',
      'For each record choose its Type, type the Host, paste the Value, leave the TTL on Automatic, then click the tick to save it.',
      APPENDS,
      'Paste TXT values without quotes; Namecheap adds what is needed.',
      'If the list offers no MX type, the MX record goes under Mail Settings → Custom MX. If the domain’s own email uses Namecheap’s forwarding or Private Email, ask Namecheap first: changing that setting can change where the domain’s mail goes.',
    ],
  },
  {
    id: 'google',
    name: 'Google / Squarespace Domains',
    ns: /\.(googledomains\.com|squarespacedns\.com)$/,
    nameField: 'Host name',
    nameStyle: 'relative',
    tips: ['In Squarespace Domains open your domain, then DNS → DNS Settings → Add record.', APPENDS],
  },
  {
    id: 'ionos',
    name: 'IONOS',
    ns: /\.ui-dns\.(com|de|org|biz)$/,
    nameField: 'Host name',
    nameStyle: 'relative',
    tips: ['In IONOS open Domains & SSL → your domain → DNS → Add record.', APPENDS],
  },
  {
    id: 'ovh',
    name: 'OVHcloud',
    ns: /\.ovh\.(net|ca)$|\.anycast\.me$/,
    nameField: 'Sub-domain',
    nameStyle: 'relative',
    tips: [
      'In the OVHcloud Control Panel open Domain names → your domain → DNS zone → Add an entry.',
      APPENDS,
    ],
  },
  {
    id: 'digitalocean',
    name: 'DigitalOcean',
    ns: /\.digitalocean\.com$/,
    nameField: 'Hostname',
    nameStyle: 'relative',
    tips: ['In DigitalOcean open Networking → Domains → your domain.', APPENDS],
  },
];

export const GENERIC_HOST: DnsHost = {
  id: 'other',
  name: 'your DNS host',
  nameField: 'Name (or Host)',
  nameStyle: 'relative',
  tips: [
    'Open the DNS settings of your domain where you bought it or where its nameservers are.',
    'If the name box already shows your domain after it, type only the first part (for example abc._domainkey), or the domain will appear twice.',
  ],
};

/** The host whose nameservers these are, or null when none is known. */
export function recogniseHost(nameservers: string[]): DnsHost | null {
  for (const ns of nameservers) {
    const name = ns.toLowerCase().replace(/\.$/, '');
    const host = HOSTS.find((h) => h.ns.test(name));
    if (host) {
      const { ns: _pattern, ...rest } = host;
      return rest;
    }
  }
  return null;
}
