/**
 * What writing to Cloudflare would change: the SES record plan against the records the zone holds.
 * Pure, for unit tests. Rules: only a missing or wrong record is written; a record of another kind
 * at the same name is left alone; an SPF or DMARC record is changed in place, never doubled; the
 * apex SPF record is touched only when the person chose the merged record and it stays within 10
 * lookups; a proxied record is switched to "DNS only" only as a change the person agrees to.
 */
import type { DnsPlan, ExistingRecords, PlannedRecord } from '../dns';
import { SPF_LOOKUP_LIMIT } from '../dns';
import type { CloudflareRecord } from './api';
import type { CloudflareChange, CloudflarePreview, LeftAlone, SpfChoice } from './types';

export const bare = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');

/** Cloudflare may show a TXT value inside quotes; compare the text itself. */
export function txtText(content: string): string {
  const v = content.trim();
  if (!(v.startsWith('"') && v.endsWith('"'))) return v;
  return [...v.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1')).join('');
}

const at = (records: CloudflareRecord[], name: string, type?: string) =>
  records.filter((r) => bare(r.name) === bare(name) && (type === undefined || r.type === type));

/** What the zone publishes today, in the shape the record plan reads. */
export function existingFromZone(
  records: CloudflareRecord[],
  domain: string,
  mailFrom: string,
): Pick<ExistingRecords, 'dmarc' | 'apexTxt' | 'mailFromCname'> {
  return {
    dmarc: at(records, `_dmarc.${domain}`, 'TXT').map((r) => txtText(r.content)),
    apexTxt: at(records, domain, 'TXT').map((r) => txtText(r.content)),
    mailFromCname: at(records, mailFrom, 'CNAME')[0]?.content ?? null,
  };
}

const SPF = /^v=spf1(\s|$)/i;
const DMARC = /^v=dmarc1/i;

function mxParts(value: string): { priority: number; host: string } {
  const [priority, host] = value.trim().split(/\s+/);
  return { priority: Number(priority), host: bare(host ?? '') };
}

interface Diffed {
  change: CloudflareChange | null;
  leftAlone: LeftAlone[];
}

function leave(r: CloudflareRecord, why: string): LeftAlone {
  return { type: r.type, name: bare(r.name), content: r.content, why };
}

function base(record: PlannedRecord | { purpose: 'apex-spf'; type: 'TXT'; name: string; value: string }) {
  return {
    purpose: record.purpose,
    type: record.type,
    name: record.name,
    value: record.value,
    unproxy: false,
  };
}

function diffCname(record: PlannedRecord, records: CloudflareRecord[]): Diffed {
  const here = at(records, record.name);
  const cname = here.find((r) => r.type === 'CNAME');
  if (!cname) {
    if (here.length)
      return {
        change: null,
        leftAlone: here.map((r) =>
          leave(
            r,
            'Another record holds this name, so the DKIM CNAME cannot be added: remove it at Cloudflare first.',
          ),
        ),
      };
    return { change: { ...base(record), action: 'add' }, leftAlone: [] };
  }
  const right = bare(cname.content) === bare(record.value);
  const proxied = cname.proxied === true;
  return {
    change: {
      ...base(record),
      action: right && !proxied ? 'in-place' : 'change',
      recordId: cname.id,
      current: cname.content,
      proxied,
      unproxy: proxied,
    },
    leftAlone: [],
  };
}

function diffMx(record: PlannedRecord, records: CloudflareRecord[]): Diffed {
  const wanted = mxParts(record.value);
  const mx = at(records, record.name, 'MX');
  const same = mx.find(
    (r) => bare(r.content) === wanted.host && (r.priority ?? wanted.priority) === wanted.priority,
  );
  if (same)
    return {
      change: {
        ...base(record),
        action: 'in-place',
        recordId: same.id,
        current: `${same.priority ?? ''} ${same.content}`.trim(),
      },
      leftAlone: mx.filter((r) => r !== same).map((r) => leave(r, 'Another MX record at this name, kept.')),
    };
  const [first, ...rest] = mx;
  if (!first) return { change: { ...base(record), action: 'add' }, leftAlone: [] };
  // An MX to another host means this name already receives mail (or someone set it up for that):
  // pointing it at SES would break that mail. It is left alone; the screen names another subdomain.
  return {
    change: null,
    leftAlone: [first, ...rest].map((r) =>
      leave(
        r,
        'This name already has its own mail server (MX), so it is left alone: choose another MAIL FROM subdomain, such as bounce.<your domain>.',
      ),
    ),
  };
}

/** A TXT record of one kind (SPF or DMARC) at a name: changed in place, other TXT values kept. */
function diffTxt(
  record: PlannedRecord | { purpose: 'apex-spf'; type: 'TXT'; name: string; value: string },
  records: CloudflareRecord[],
): Diffed {
  const kind = record.purpose === 'dmarc' ? DMARC : SPF;
  const txt = at(records, record.name, 'TXT');
  const own = txt.filter((r) => kind.test(txtText(r.content)));
  const others = txt
    .filter((r) => !own.includes(r))
    .map((r) => leave(r, 'Another TXT record at this name (another service’s), kept.'));
  if (own.length > 1)
    return {
      change: null,
      leftAlone: [
        ...others,
        ...own.map((r) =>
          leave(
            r,
            'One of several records of the same kind at this name: join them into one by hand, the assistant does not choose.',
          ),
        ),
      ],
    };
  const [current] = own;
  if (!current) return { change: { ...base(record), action: 'add' }, leftAlone: others };
  const right = txtText(current.content).trim() === record.value.trim();
  return {
    change: {
      ...base(record),
      action: right ? 'in-place' : 'change',
      recordId: current.id,
      current: txtText(current.content),
    },
    leftAlone: others,
  };
}

export interface SpfInput {
  choice: SpfChoice;
  /** DNS lookups of the merged record, when counted. */
  lookups: number | null;
}

export function diffZone(
  plan: DnsPlan,
  records: CloudflareRecord[],
  spf: SpfInput,
): Pick<CloudflarePreview, 'changes' | 'leftAlone' | 'otherRecords' | 'spf'> {
  const changes: CloudflareChange[] = [];
  const leftAlone: LeftAlone[] = [];
  const push = ({ change, leftAlone: kept }: Diffed) => {
    if (change) changes.push(change);
    leftAlone.push(...kept);
  };
  for (const record of plan.records) {
    if (record.type === 'CNAME') push(diffCname(record, records));
    else if (record.type === 'MX') push(diffMx(record, records));
    else push(diffTxt(record, records));
  }

  const option = plan.apexSpfOption;
  // A new record needs only amazonses.com's own lookups; a merged one is counted, and unknown is no.
  const canMerge =
    option !== null &&
    !option.alreadyIncluded &&
    (option.existing === null || (spf.lookups !== null && spf.lookups <= SPF_LOOKUP_LIMIT));
  const apexTxt = at(records, plan.domain, 'TXT');
  if (option && canMerge && spf.choice === 'merge') {
    push(diffTxt({ purpose: 'apex-spf', type: 'TXT', name: plan.domain, value: option.merged }, records));
  } else {
    for (const r of apexTxt)
      leftAlone.push(
        SPF.test(txtText(r.content))
          ? leave(r, 'Your domain’s own SPF record, kept as it is (SES does not need it changed).')
          : leave(r, 'Another TXT record at this name (another service’s), kept.'),
      );
  }

  const touchedNames = new Set([...plan.records.map((r) => bare(r.name)), bare(plan.domain)]);
  return {
    changes,
    leftAlone,
    otherRecords: records.filter((r) => !touchedNames.has(bare(r.name))).length,
    spf: option
      ? {
          existing: option.existing,
          merged: option.merged,
          alreadyIncluded: option.alreadyIncluded,
          lookups: spf.lookups,
          canMerge,
          chosen: canMerge ? spf.choice : 'keep',
        }
      : null,
  };
}
