import { spawnSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { estimateMonthlyCost, PRICES } from '../../../electron/core/facts/pricing';
import { summarise } from '../../../electron/features/dashboard/reputation';
import { buildSnippets } from '../../../electron/features/sending/snippets';

const now = new Date('2026-11-24T12:00:00Z');
const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);

describe('sending health', () => {
  it('adds up the last two weeks and leaves older points out', () => {
    const r = summarise(
      [
        { Timestamp: at(1), DeliveryAttempts: 900, Bounces: 9, Complaints: 0 },
        { Timestamp: at(3), DeliveryAttempts: 100, Bounces: 1, Complaints: 1 },
        { Timestamp: at(20), DeliveryAttempts: 5000, Bounces: 4000 },
      ],
      now,
    );
    expect(r.attempts).toBe(1000);
    expect(r.bounce.rate).toBeCloseTo(0.01);
    expect(r.complaint.rate).toBeCloseTo(0.001);
    expect(r.bounce.health).toBe('good');
    expect(r.complaint.health).toBe('at-risk');
    expect(r.daily).toHaveLength(14);
    expect(r.daily.at(-2)).toMatchObject({ attempts: 900, bounces: 9 });
  });

  it('is good only below the 2 % AWS advises: 2.2 % bounces is one to watch', () => {
    const r = summarise([{ Timestamp: at(1), DeliveryAttempts: 1000, Bounces: 22 }], now);
    expect(r.bounce.health).toBe('watch');
    expect(summarise([{ Timestamp: at(1), DeliveryAttempts: 1000, Bounces: 19 }], now).bounce.health).toBe(
      'good',
    );
    expect(summarise([{ Timestamp: at(1), DeliveryAttempts: 1000, Bounces: 50 }], now).bounce.health).toBe(
      'at-risk',
    );
    expect(r.bounce.lines).toEqual({ adviseBelow: '2 %', reviewAt: '5 %', pauseAt: '10 %' });
    expect(r.complaint.lines).toEqual({ adviseBelow: '0.1 %', reviewAt: '0.1 %', pauseAt: '0.5 %' });
  });

  it('says when there is nothing to judge', () => {
    expect(summarise([], now)).toMatchObject({
      bounce: { health: 'no-data', rate: 0 },
      complaint: { health: 'no-data' },
    });
  });

  it('labels a rate worked out from the statistics as an estimate, and says why', () => {
    const r = summarise([{ Timestamp: at(1), DeliveryAttempts: 100, Bounces: 1 }], now);
    expect(r.bounce).toMatchObject({ source: 'estimate', measuredAt: null, metric: 'Reputation.BounceRate' });
    expect(r.estimateNote).toMatch(/estimate from the last 14 days’ sending statistics/);
    expect(r.estimateNote).toMatch(/not published its own rate/);
    const denied = summarise([], now, { read: false, why: 'denied' });
    expect(denied.estimateNote).toMatch(/cloudwatch:GetMetricData/);
  });

  it('takes AWS’s own rate when CloudWatch has it, and judges it whatever the statistics say', () => {
    const measuredAt = new Date('2026-11-24T11:00:00Z');
    const r = summarise([{ Timestamp: at(1), DeliveryAttempts: 100, Bounces: 0 }], now, {
      read: true,
      bounce: { rate: 0.031, at: measuredAt },
      complaint: { rate: 0.0002, at: measuredAt },
    });
    expect(r.bounce).toMatchObject({
      rate: 0.031,
      source: 'aws',
      health: 'watch',
      measuredAt: measuredAt.toISOString(),
    });
    expect(r.complaint).toMatchObject({ rate: 0.0002, source: 'aws', health: 'good' });
    expect(r.estimateNote).toBeNull();
  });
});

describe('the cost estimate', () => {
  it('prices pay as you go per recipient, as SES counts and bills its outbound mail', () => {
    const cost = estimateMonthlyCost(3_000, 'NONE');
    expect(cost.headline).toBe('About $0.10 per 1,000 recipients');
    expect(cost).toMatchObject({ recipientsPerMonth: 3_000, monthlyUsd: 0.3 });
    expect(PRICES.sources).toContain('https://aws.amazon.com/ses/pricing/');
  });

  it('prices messages and attachments with the dated pay-as-you-go rates', () => {
    expect(estimateMonthlyCost(50_000, 'NONE', 2)).toMatchObject({
      monthlyUsd: 5.24,
      asOf: PRICES.asOf,
      source: PRICES.source,
    });
    expect(estimateMonthlyCost(-5, 'NONE').monthlyUsd).toBe(0);
  });

  it('names a pricing plan without inventing its price, and never promises a free allowance', () => {
    for (const plan of ['ESSENTIALS', 'PRO', 'ENTERPRISE'] as const) {
      const cost = estimateMonthlyCost(10_000, plan);
      expect(cost).toMatchObject({ plan, perThousandUsd: null, monthlyUsd: null });
      expect(cost.note).toContain('pricing plan');
    }
    // Unknown plan: no price at all, since a new account may well be on a plan.
    const unknown = estimateMonthlyCost(1_000, null);
    expect(unknown).toMatchObject({ plan: null, perThousandUsd: null, monthlyUsd: null, headline: null });
    expect(unknown.note).toMatch(/could not be read/);
    expect(unknown.note).toMatch(/pricing plan/);
    expect(unknown.note).not.toMatch(/\$/);
    for (const plan of [null, 'NONE', 'ESSENTIALS', 'PRO', 'ENTERPRISE'] as const)
      expect(estimateMonthlyCost(1_000, plan).note).not.toMatch(/free/i);
  });
});

describe('code snippets', () => {
  const snippets = buildSnippets({
    region: 'eu-west-1',
    smtpHost: 'email-smtp.eu-west-1.amazonaws.com',
    from: 'hi@example.com',
    keyIdMasked: 'AKIA…WXYZ',
  });

  it('are filled with the person’s region, host and sender, and hold no secret', () => {
    expect(snippets.map((s) => s.id)).toEqual([
      'env',
      'node-smtp',
      'node-sdk',
      'python-smtp',
      'python-boto3',
      'php-phpmailer',
    ]);
    for (const s of snippets) {
      expect(s.code).not.toMatch(/[A-Za-z0-9+/]{40}/);
      expect(s.code).toMatch(/eu-west-1|SES_SMTP_HOST|AWS_REGION/);
    }
    expect(snippets.find((s) => s.id === 'node-smtp')!.code).toContain("from: 'hi@example.com'");
  });

  it('gives Python code that compiles', () => {
    for (const s of snippets.filter((s) => s.language === 'python')) {
      const check = spawnSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "snippet", "exec")'], {
        input: s.code,
        encoding: 'utf8',
      });
      expect(check.stderr, s.id).toBe('');
    }
  });

  it('gives JavaScript that parses', () => {
    const javascript = snippets.filter((s) => s.language === 'javascript');
    expect(javascript.length).toBeGreaterThan(0);
    for (const s of javascript) {
      // TypeScript's parser reads JavaScript as well; a syntax error is one of its diagnostics.
      const out = ts.transpileModule(s.code, {
        fileName: `${s.id}.mjs`,
        reportDiagnostics: true,
        compilerOptions: { allowJs: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      expect(
        out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
        s.id,
      ).toEqual([]);
    }
  });
});
