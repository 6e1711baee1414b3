/**
 * Every mistake the checker finds, worded for a person, with the fix in the DNS host's terms.
 * The codes are stable: the CLI's JSON and the README use them.
 */
import type { DnsHost } from './hosts';
import type { DnsProblem } from './types';

export const problem = {
  doubledName: (name: string, doubled: string, host: DnsHost): DnsProblem => ({
    code: 'DOUBLED_DOMAIN',
    message: `The record was saved as ${doubled}: your domain appears twice.`,
    fix: `At ${host.name}, change the ${host.nameField} to ${relative(name, doubled)} only. The host adds your domain by itself.`,
  }),
  doubledValue: (value: string): DnsProblem => ({
    code: 'DOUBLED_DOMAIN',
    message: `The value ends with your domain (${value}): the host added it to the value.`,
    fix: 'Enter the value with a dot at its very end (after the last letter of the value) so the host leaves it alone, or choose the host’s “fully qualified” option.',
  }),
  otherRegion: (found: string, foundRegion: string, region: string): DnsProblem => ({
    code: 'OTHER_REGION',
    message: `This record points at SES in ${foundRegion} (${found}), but you now send from ${region}.`,
    fix: `Change it to the value expected here. Only do so once you no longer send from ${foundRegion}: the record serves one region at a time, and bounces for mail sent there would stop reaching SES.`,
  }),
  dkimNotCname: (host: DnsHost): DnsProblem => ({
    code: 'DKIM_NOT_CNAME',
    message:
      'This name answers with an IP address instead of a CNAME. The record is proxied or “flattened”, so SES cannot see where it points.',
    fix:
      host.id === 'cloudflare'
        ? 'In Cloudflare, click the orange cloud of this record so it turns grey (“DNS only”).'
        : `At ${host.name}, make this a plain CNAME record without proxying, forwarding or flattening.`,
  }),
  spfMultiple: (name: string, count: number): DnsProblem => ({
    code: 'SPF_MULTIPLE',
    message: `${name} has ${count} SPF records. A name may have only one; with two, SPF fails for all mail that uses it.`,
    fix: 'Join them into a single record that starts with v=spf1, keeps every include and ends with one all term, then delete the others.',
  }),
  spfTooManyLookups: (name: string, count: number): DnsProblem => ({
    code: 'SPF_TOO_MANY_LOOKUPS',
    message: `The SPF record of ${name} needs ${count} DNS lookups (counting its includes); the limit is 10, so receivers treat it as broken.`,
    fix: 'Remove includes of services you no longer use, or replace some with the ip4:/ip6: ranges they stand for. SES does not need an include at your domain’s apex.',
  }),
  spfBroken: (name: string, why: string): DnsProblem => ({
    code: 'SPF_PERMERROR',
    message: `The SPF record of ${name} fails for every receiver (a permanent error): ${why}`,
    fix: 'Correct the record at your DNS host: remove or fix the part named above. SES does not need an include at your domain’s apex.',
  }),
  mailFromCnameClash: (name: string, target: string): DnsProblem => ({
    code: 'MAIL_FROM_CNAME_CLASH',
    message: `${name} already has a CNAME record (pointing to ${target}); a name with a CNAME cannot also hold MX or TXT records.`,
    fix: 'Choose another MAIL FROM subdomain (for example mail.<your domain>), or remove that CNAME if nothing uses it.',
  }),
  dmarcMissing: (): DnsProblem => ({
    code: 'DMARC_MISSING',
    message: 'Your domain has no DMARC record, so receivers get no policy and you get no reports.',
    fix: 'Add the DMARC TXT record shown here. p=none only watches; it changes nothing for your mail.',
  }),
  dmarcMalformed: (why: string): DnsProblem => ({
    code: 'DMARC_MALFORMED',
    message: `The DMARC record is not valid, so receivers ignore it. ${why}`,
    fix: 'Replace it with the value shown here (or correct the part named above).',
  }),
  strayDot: (): DnsProblem => ({
    code: 'STRAY_TRAILING_DOT',
    message: 'The value ends with a dot that is not part of it.',
    fix: 'Remove the dot at the end of the value.',
  }),
  strayQuotes: (): DnsProblem => ({
    code: 'STRAY_QUOTES',
    message: 'Quote marks were saved as part of the value, so mail servers do not recognise it.',
    fix: 'Edit the record and paste the value without the quote marks around it.',
  }),
  noAnswer: (): DnsProblem => ({
    code: 'NO_ANSWER',
    message: 'Your domain’s nameservers did not answer this question in time.',
    fix: 'Check again in a minute. If it keeps happening, your DNS host may be having trouble.',
  }),
};

function relative(name: string, doubled: string): string {
  const domain = doubled.slice(name.length + 1);
  return name.endsWith(`.${domain}`) ? name.slice(0, -(domain.length + 1)) : name;
}
