/**
 * One home for facts: a price, quota, region, SES host or review time stated in the
 * renderer's or a feature's copy must come from a dated module in electron/core/facts/. This test
 * reads every string literal, template text and JSX text of renderer/**\/*.tsx,
 * electron/features/**\/*.ts and electron/core/errors/ (comments are not copy and are skipped) and fails on a literal that
 * states such a fact itself. A template built from a facts value passes: only its fixed text is read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** What counts as stating a fact, by kind. */
const FACT_PATTERNS: Record<string, RegExp> = {
  price: /\$\s?\d|\bper 1,000\b|\bUSD\b/,
  'sending quota':
    /\b(200|50,000) (messages|recipients|emails|in the sandbox)\b|\b(\d+|one) (emails?|messages?|recipients?) (per|a) second\b|\b(1|one) a second\b/i,
  'region code':
    /\b(us|eu|ap|ca|sa|me|af|il|mx)-(east|west|south|north|central|northeast|southeast|northwest|southwest)-\d\b/,
  // SES's own hosts (DKIM, feedback, SPF, SMTP, API); other AWS hosts such as service principals are not SES facts.
  'SES host': /amazonses\.com|email-smtp\.|\bemail\.[a-z0-9-]+\.amazonaws\.com/,
  'review time': /\b24 to 48 hours\b|\ba day or two\b|\bwithin \d+ hours\b|\bbusiness days?\b/i,
  // A percentage in copy is a bounce or complaint line (AWS's advice, review, pause); CSS ("100%;") is not copy.
  'reputation rate': /(?<![\w.-])\d+(\.\d+)?\s?%(?![\w;])/,
  'region advice': /\blargest region\b|\bdata stays\b|\busual choice\b/i,
};

/**
 * Files (or folders, ending in /) that still state a fact themselves, by the kind of fact. Empty
 * now; the list can only shrink: an entry that no longer offends fails the test too.
 */
const PENDING: Record<string, string[]> = {};

function pendingFor(file: string): string[] {
  return Object.entries(PENDING)
    .filter(([entry]) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry))
    .flatMap(([, kinds]) => kinds);
}

function filesUnder(dir: string, ending: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel, ending));
    else if (entry.name.endsWith(ending) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The copy in a file: string literals, template texts and JSX text, with the line of each. */
function copyOf(file: string, source: string): { text: string; line: number }[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    // Module names are not copy.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    // The replacement of .replace(/…/, '$1') is a pattern, not copy.
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      /^replace(All)?$/.test(node.expression.name.text) &&
      node.arguments[1] &&
      ts.isStringLiteralLike(node.arguments[1]) &&
      /\$\d/.test(node.arguments[1].text)
    ) {
      ts.forEachChild(node.expression, visit);
      visit(node.arguments[0]!);
      return;
    }
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      // JSX text keeps its line breaks: a fact split over two source lines is still one sentence.
      out.push({
        text: node.text.replace(/\s+/g, ' '),
        line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function offences(file: string): { kind: string; line: number; text: string }[] {
  const found: { kind: string; line: number; text: string }[] = [];
  for (const { text, line } of copyOf(file, readFileSync(path.join(ROOT, file), 'utf8')))
    for (const [kind, pattern] of Object.entries(FACT_PATTERNS))
      if (pattern.test(text)) found.push({ kind, line, text: text.trim().slice(0, 100) });
  return found;
}

const FILES = [
  ...filesUnder('renderer', '.tsx'),
  ...filesUnder('electron/features', '.ts'),
  // The error catalogue is copy too: its texts are shown to the person as they are.
  ...filesUnder('electron/core/errors', '.ts'),
];

describe('one home for facts', () => {
  it('finds the copy it is meant to check (the scanner itself works)', () => {
    expect(FILES.length).toBeGreaterThan(50);
    const sample = copyOf(
      'sample.tsx',
      "import x from 'us-east-1';\n// about $0.10 per 1,000 emails\nconst a = `in ${region}: 200 recipients`;\nconst b = <p>Send from us-west-2 via {host}</p>;\n",
    );
    expect(sample.map((c) => c.text.trim())).toEqual(['in', ': 200 recipients', 'Send from us-west-2 via']);
    expect(FACT_PATTERNS['sending quota']!.test(': 200 recipients')).toBe(true);
    expect(FACT_PATTERNS['region code']!.test('Send from us-west-2 via')).toBe(true);
  });

  it('no screen or service states a price, quota, region, SES host or review time itself', () => {
    const report: string[] = [];
    for (const file of FILES) {
      const pending = pendingFor(file);
      for (const o of offences(file))
        if (!pending.includes(o.kind)) report.push(`${file}:${o.line} states a ${o.kind}: “${o.text}”`);
    }
    expect(report, 'take these from a module in electron/core/facts/ instead').toEqual([]);
  });

  it('lists as pending only files that still state such a fact (fixed files leave the list)', () => {
    const stale: string[] = [];
    for (const [entry, kinds] of Object.entries(PENDING)) {
      const files = entry.endsWith('/') ? FILES.filter((f) => f.startsWith(entry)) : [entry];
      const found = new Set(files.flatMap((f) => offences(f).map((o) => o.kind)));
      const file = entry;
      for (const kind of kinds) if (!found.has(kind)) stale.push(`${file}: ${kind}`);
    }
    expect(stale, 'remove these entries from PENDING').toEqual([]);
  });

  it('every facts module names its source and the date it was checked', () => {
    const dir = path.join(ROOT, 'electron/core/facts');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      expect(text, `${name} names a source URL`).toMatch(/https:\/\/[a-z0-9.-]+\.[a-z]+\//);
      expect(text, `${name} says when it was checked`).toMatch(
        /(checked|asOf)['"]?:\s*'20\d\d-\d\d-\d\d'|checked 20\d\d-\d\d-\d\d/i,
      );
    }
  });
});
