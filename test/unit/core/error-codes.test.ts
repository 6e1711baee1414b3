/**
 * The error codes' own tables: every code is declared once, under its own name, and the CLI's own
 * failures never reuse a code the app shows, so a script reading `code` knows which it got.
 */
import { describe, expect, it } from 'vitest';
import { CLI_CODES, CODE_TABLES, ERROR } from '../../../electron/core/errors/codes';

const declared = Object.values(CODE_TABLES).flatMap((table) => Object.entries(table));

describe('error codes', () => {
  it('declares each code in exactly one table', () => {
    const seen = new Map<string, number>();
    for (const [name] of declared) seen.set(name, (seen.get(name) ?? 0) + 1);
    expect([...seen].filter(([, count]) => count > 1)).toEqual([]);
    expect(Object.keys(ERROR).sort()).toEqual([...seen.keys()].sort());
  });

  it('gives every code its own name as its value', () => {
    for (const [name, value] of [...declared, ...Object.entries(ERROR), ...Object.entries(CLI_CODES)]) {
      expect(value).toBe(name);
    }
  });

  it('keeps the CLI’s own codes apart from the app’s', () => {
    expect(Object.keys(CLI_CODES).filter((code) => code in ERROR)).toEqual([]);
  });
});
