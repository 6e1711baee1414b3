/**
 * Every fact shown to a person comes from a module in electron/core/facts/ that says when it was last
 * checked against its source. A fact checked more than a year ago may no longer be true (AWS changes
 * prices, limits and hosts), so this test fails until someone checks it again and moves its date.
 * The clock is a parameter: the same rule is also run a little over a year ahead, to prove it fails.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cloudflare from '../../../electron/core/facts/cloudflare';
import * as dnsHostApis from '../../../electron/core/facts/dns-host-apis';
import * as feedback from '../../../electron/core/facts/feedback';
import * as mailFrom from '../../../electron/core/facts/mail-from';
import * as pricing from '../../../electron/core/facts/pricing';
import * as regions from '../../../electron/core/facts/regions';
import * as reputation from '../../../electron/core/facts/reputation';
import * as sandbox from '../../../electron/core/facts/sandbox';
import * as simulator from '../../../electron/core/facts/simulator';
import * as smtp from '../../../electron/core/facts/smtp';
import * as verification from '../../../electron/core/facts/verification';

const FACTS_DIR = path.resolve('electron/core/facts');

/** Every facts module, by its file name: a new module must be added here to be held to its date. */
const MODULES = new Map<string, Record<string, unknown>>([
  ['cloudflare.ts', cloudflare],
  ['dns-host-apis.ts', dnsHostApis],
  ['feedback.ts', feedback],
  ['mail-from.ts', mailFrom],
  ['pricing.ts', pricing],
  ['regions.ts', regions],
  ['reputation.ts', reputation],
  ['sandbox.ts', sandbox],
  ['simulator.ts', simulator],
  ['smtp.ts', smtp],
  ['verification.ts', verification],
]);

interface DatedFact {
  /** `module.ts EXPORT`, so a failure says where to look. */
  where: string;
  checked: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dates a module's exports carry, in the three shapes the facts modules use: a source record
 * (`{ title, url, checked }`), a dated table (`{ asOf, sources }`) and a bare `*_CHECKED` date.
 */
function datesOf(file: string, exports: Record<string, unknown>): DatedFact[] {
  const found: DatedFact[] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (name.endsWith('_CHECKED') && typeof value === 'string')
      found.push({ where: `${file} ${name}`, checked: value });
    if (typeof value !== 'object' || value === null) continue;
    for (const key of ['checked', 'asOf'] as const) {
      const date = (value as Record<string, unknown>)[key];
      if (typeof date === 'string') found.push({ where: `${file} ${name}.${key}`, checked: date });
    }
  }
  return found;
}

const ONE_YEAR_DAYS = 365;

/** The facts whose check is more than a year older than `now`, with their age in days. */
function staleFacts(facts: DatedFact[], now: Date): string[] {
  return facts
    .map((f) => ({
      ...f,
      days: Math.floor((now.getTime() - Date.parse(`${f.checked}T00:00:00Z`)) / 86_400_000),
    }))
    .filter((f) => f.days > ONE_YEAR_DAYS)
    .map((f) => `${f.where}: checked ${f.checked}, ${f.days} days ago`);
}

const ALL = [...MODULES].flatMap(([file, exports]) => datesOf(file, exports));

describe('the dates of the facts shown to a person', () => {
  it('covers every module in electron/core/facts/, and each says when it was checked', () => {
    const files = readdirSync(FACTS_DIR).filter((f) => f.endsWith('.ts'));
    expect([...MODULES.keys()].sort()).toEqual(files.sort());
    for (const file of files)
      expect(
        ALL.filter((f) => f.where.startsWith(`${file} `)),
        file,
      ).not.toEqual([]);
  });

  it('reads each date as a real calendar day', () => {
    for (const f of ALL) {
      expect(f.checked, f.where).toMatch(ISO_DATE);
      expect(new Date(`${f.checked}T00:00:00Z`).toISOString().slice(0, 10), f.where).toBe(f.checked);
    }
  });

  it('has no fact checked more than a year ago (check it again and move its date)', () => {
    expect(staleFacts(ALL, new Date())).toEqual([]);
  });

  it('would fail thirteen months after the newest check', () => {
    const newest = ALL.map((f) => f.checked)
      .sort()
      .at(-1)!;
    const later = new Date(`${newest}T00:00:00Z`);
    later.setUTCMonth(later.getUTCMonth() + 13);
    const stale = staleFacts(ALL, later);
    // Every fact is then out of date, each named with its date.
    expect(stale).toHaveLength(ALL.length);
    expect(stale).toContain(
      `sandbox.ts SANDBOX_LIMITS_SOURCE.checked: checked ${sandbox.SANDBOX_LIMITS_SOURCE.checked}, ${Math.floor(
        (later.getTime() - Date.parse(`${sandbox.SANDBOX_LIMITS_SOURCE.checked}T00:00:00Z`)) / 86_400_000,
      )} days ago`,
    );
    // A year to the day is still in date: the rule is "over a year".
    const yearLater = new Date(`${newest}T00:00:00Z`);
    yearLater.setUTCDate(yearLater.getUTCDate() + ONE_YEAR_DAYS);
    expect(
      staleFacts(
        ALL.filter((f) => f.checked === newest),
        yearLater,
      ),
    ).toEqual([]);
  });
});
