/**
 * 10,000 bounce events arriving in one go, stored as the poller stores them: read in batches of ten
 * (SQS's largest), each body parsed from its SNS envelope, each batch appended and synced to disk
 * before the messages would be deleted. Baseline, in the same run and on the same disk: JSON.parse of
 * the same bodies and an append + fsync of the same batches, with no de-duplication or bounds.
 * Also: the memory the store holds once it has opened a file of 10,000 events.
 */
import { mkdtempSync, rmSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { notificationOf, readBody } from '../electron/features/feedback/parse';
import { openFeedbackStore } from '../electron/features/feedback/store';
import type { Figure } from './figures';

function bodies(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      Type: 'Notification',
      MessageId: `bench-${i}`,
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:bench',
      Timestamp: '2026-11-20T09:00:06.000Z',
      Message: JSON.stringify({
        notificationType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [
            {
              emailAddress: `user${i}@example.org`,
              status: '5.1.1',
              diagnosticCode: 'smtp; 550 5.1.1 user unknown',
            },
          ],
          timestamp: '2026-11-20T09:00:05.000Z',
          feedbackId: `fb-${i}`,
        },
        mail: {
          timestamp: '2026-11-20T09:00:00.000Z',
          messageId: `m-${i}`,
          source: 'news@example.com',
          commonHeaders: { from: ['News <news@example.com>'], subject: 'Monthly news' },
        },
      }),
    }),
  );
}

const batches = <T>(xs: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, i * size + size));

async function baseline(dir: string, all: string[]): Promise<number> {
  const file = path.join(dir, 'baseline.jsonl');
  const t = performance.now();
  for (const batch of batches(all, 10)) {
    const lines = batch.map((b) => `${JSON.stringify(JSON.parse(b))}\n`).join('');
    const handle = await fs.open(file, 'a');
    await handle.appendFile(lines);
    await handle.sync();
    await handle.close();
  }
  return performance.now() - t;
}

async function product(dir: string, all: string[]): Promise<number> {
  const store = await openFeedbackStore(dir);
  const t = performance.now();
  for (const batch of batches(all, 10)) {
    const at = new Date().toISOString();
    // Parsing and storing only: the SNS signature check (feedback/trust.ts) is not in this figure.
    const parsed = batch
      .map((b) => readBody(b))
      .map((r) => (r.kind === 'sns' ? notificationOf(r.fields, at) : null));
    await store.append(
      parsed.flatMap((p) => (p?.ok ? [{ notificationId: p.notificationId, events: p.events }] : [])),
    );
  }
  return performance.now() - t;
}

export async function feedbackStoreFigures(count = 10_000): Promise<Figure[]> {
  const all = bodies(count);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-feedback-'));
  try {
    const baseMs = await baseline(dir, all);
    const storeMs = await product(path.join(dir, 'store'), all);
    // Without a collection before each reading the figure is whatever garbage happens to be
    // around (0 to 17 MB from one run to the next): measured only with node --expose-gc.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('The store’s memory is measured with node --expose-gc (npm run bench sets it).');
    gc();
    const before = process.memoryUsage().heapUsed;
    const reopened = await openFeedbackStore(path.join(dir, 'store'));
    gc();
    const held = Math.max(0, process.memoryUsage().heapUsed - before);
    const stored = reopened.counts().bounce;
    if (stored !== count) throw new Error(`stored ${stored} of ${count} events`);
    return [
      {
        name: `Feedback: ${count.toLocaleString('en-GB')} events stored (batches of 10, each synced)`,
        value: Math.round(storeMs),
        unit: 'ms',
        kind: 'ratio',
        goal: 2,
        baseline: Math.round(baseMs),
        note: `${Math.round((count / storeMs) * 1000).toLocaleString('en-GB')} events/s; baseline (JSON.parse + append + fsync, same batches) ${Math.round((count / baseMs) * 1000).toLocaleString('en-GB')} events/s`,
      },
      {
        name: `Feedback: memory held by the store of ${count.toLocaleString('en-GB')} events`,
        value: Math.round((held / 1_048_576) * 10) / 10,
        unit: 'MB',
        kind: 'max',
        goal: 16,
        note: 'the store keeps only ids and counts in memory; events are read from the file when shown',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
