/**
 * `ses-assistant dns-check <domain> --region <region>`: the DNS screen's live check, from a terminal.
 * The JSON shape (--json) is stable and documented in the README, "DNS check".
 */
import { checkDomain } from '../../electron/features/dns/index';
import type { DnsReport, RecordCheck } from '../../electron/features/dns/types';
import { toAssistantError } from '../../electron/core/errors';
import { failure, REGION_LIST, wantsJson, type Command } from '../command';
import { isProblem, parseDnsArgs } from './dns-args';

const USAGE =
  'ses-assistant dns-check <domain> --region <region> [--dkim-tokens t1,t2,t3] [--mail-from <domain>] [--nameserver <host:port>] [--resolver <host:port>] [--json]';

/** The report in the documented, stable JSON shape. */
export function reportJson(report: DnsReport) {
  return {
    domain: report.domain,
    dnsHost: report.dnsHost,
    records: report.records.map((r) => ({
      purpose: r.purpose,
      type: r.type,
      name: r.name,
      expected: r.expected,
      found: r.found,
      status: r.status,
      problems: r.problems,
    })),
    problems: report.problems,
  };
}

const MARK: Record<RecordCheck['status'], string> = {
  ok: '✓ ok',
  missing: '✗ missing',
  wrong: '✗ wrong',
  propagating: '… propagating',
};

function human(report: DnsReport, withDkim: boolean): string {
  const lines = [
    `DNS check of ${report.domain}${report.dnsHost ? ` (DNS hosted at ${report.dnsHost.name})` : ''}`,
    `Nameservers: ${report.nameservers.join(', ')}; asked ${report.asked.join(', ')} in ${report.elapsedMs} ms`,
    '',
  ];
  if (!withDkim) lines.push('DKIM not checked: give --dkim-tokens to check the three DKIM records.', '');
  for (const r of report.records) {
    lines.push(`${MARK[r.status].padEnd(14)} ${r.type.padEnd(5)} ${r.name}`);
    lines.push(`${''.padEnd(15)}expected: ${r.expected}`);
    if (r.status !== 'ok')
      lines.push(`${''.padEnd(15)}found:    ${r.found.length ? r.found.join(' | ') : '(nothing)'}`);
    for (const p of r.problems)
      lines.push(`${''.padEnd(15)}${p.code}: ${p.message}`, `${''.padEnd(15)}fix: ${p.fix}`);
  }
  for (const p of report.problems) lines.push('', `${p.code}: ${p.message}`, `fix: ${p.fix}`);
  const bad = report.records.filter((r) => r.status === 'missing' || r.status === 'wrong').length;
  const waiting = report.records.filter((r) => r.status === 'propagating').length;
  lines.push(
    '',
    bad || report.problems.length
      ? `${bad} record(s) to fix, ${report.problems.length} other problem(s).`
      : waiting
        ? `All records are published; ${waiting} not yet seen by the resolver (this can take up to 72 hours).`
        : 'All records are in place.',
  );
  return lines.join('\n') + '\n';
}

export const dnsCheckCommand: Command = {
  name: 'dns-check',
  summary: 'Check a domain’s SES DNS records live and name the mistakes',
  usage: USAGE,
  help: `Regions: ${REGION_LIST}.`,
  async run(args, io) {
    const json = wantsJson(args);
    const parsed = parseDnsArgs(args, 'dns-check', { switches: ['json'], tokensRequired: false });
    if (isProblem(parsed))
      return failure(
        io,
        { json, command: 'dns-check', exit: 2 },
        { code: parsed.code, message: parsed.why, usage: USAGE },
      );
    const { domain, region, tokens, mailFrom, nameserver, resolver, flags } = parsed;

    try {
      const report = await checkDomain(
        { domain, region, dkimTokens: tokens, mailFromDomain: mailFrom },
        { authoritative: nameserver ? [nameserver] : undefined, resolver: resolver ? [resolver] : undefined },
      );
      io.out(
        flags.json ? JSON.stringify(reportJson(report), null, 2) + '\n' : human(report, tokens.length > 0),
      );
      const clean =
        report.problems.length === 0 &&
        report.records.every((r) => r.status === 'ok' || r.status === 'propagating');
      return clean ? 0 : 1;
    } catch (err) {
      const e = toAssistantError(err, { doing: 'checking DNS' });
      if (json)
        return failure(
          io,
          { json, exit: 1 },
          { code: e.code, message: `${e.title}. ${e.explanation}`, fix: e.fix },
        );
      io.err(`${e.title}\n${e.explanation}\nWhat to do: ${e.fix}\n`);
      return 1;
    }
  },
};
