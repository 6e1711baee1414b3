import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../../electron/features/feedback/parse';
import { EVENTS_FILE, openFeedbackStore } from '../../../electron/features/feedback/store';
import type { FeedbackEvent } from '../../../electron/features/feedback/types';
import { bounce, complaint } from './notifications';

const dir = () => mkdtempSync(path.join(tmpdir(), 'feedback-store-'));

/** SES's notification as the poller stores it, keyed by a short id to keep the expectations short. */
function parsed(notification: object, id: string, receivedAt: string) {
  const events = eventsOf(notification as Record<string, unknown>, id, receivedAt);
  if (typeof events === 'string') throw new Error(`fixture did not parse: ${events}`);
  return { notificationId: id, events };
}

function notification(id: string, receivedAt = '2026-11-20T12:00:00.000Z', to = ['a@example.org']) {
  return parsed(bounce({ to, messageId: id }), id, receivedAt);
}

describe('the local event store', () => {
  it('stores events, counts them by kind and gives them back newest first', async () => {
    const store = await openFeedbackStore(dir());
    await store.append([notification('n1'), notification('n2', undefined, ['b@x.example', 'c@x.example'])]);
    await store.append([parsed(complaint(), 'n3', '2026-11-20T12:00:00.000Z')]);
    expect(store.counts()).toEqual({ bounce: 3, complaint: 1, delivery: 0, unreadable: 0 });
    expect((await store.events()).map((e) => e.id)).toEqual(['n3:0', 'n2:1', 'n2:0', 'n1:0']);
  });

  it('never stores a notification twice, in one batch or across a restart', async () => {
    const d = dir();
    const first = await openFeedbackStore(d);
    expect((await first.append([notification('n1'), notification('n1')])).stored).toBe(1);
    const reopened = await openFeedbackStore(d);
    expect(reopened.has('n1')).toBe(true);
    expect(await reopened.append([notification('n1')])).toMatchObject({ stored: 0, duplicates: 1 });
    expect(readFileSync(path.join(d, EVENTS_FILE), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('drops a line cut short by a crash, and the next line is not joined to it', async () => {
    const d = dir();
    const store = await openFeedbackStore(d);
    await store.append([notification('n1')]);
    appendFileSync(path.join(d, EVENTS_FILE), '{"n":"half-writ');
    const reopened = await openFeedbackStore(d);
    await reopened.append([notification('n2')]);
    const again = await openFeedbackStore(d);
    expect((await again.events()).map((e) => e.notificationId)).toEqual(['n2', 'n1']);
  });

  it('skips a damaged line in the middle instead of failing', async () => {
    const d = dir();
    writeFileSync(
      path.join(d, EVENTS_FILE),
      `garbage\n${JSON.stringify({ n: 'ok', r: '2026-11-20T00:00:00Z', e: [] })}\n`,
    );
    const store = await openFeedbackStore(d);
    expect(store.has('ok')).toBe(true);
  });

  it('keeps at most maxEvents, dropping the oldest stored first', async () => {
    const store = await openFeedbackStore(dir(), { days: 90, maxEvents: 5 });
    for (let i = 0; i < 8; i++) await store.append([notification(`n${i}`)]);
    await store.compact(new Date('2026-11-20T12:00:00Z'));
    expect((await store.events()).map((e) => e.notificationId)).toEqual(['n7', 'n6', 'n5', 'n4', 'n3']);
    expect(store.counts().bounce).toBe(5);
  });

  it('drops events stored more than the retention period ago', async () => {
    const store = await openFeedbackStore(dir(), { days: 90, maxEvents: 100 });
    await store.append([
      notification('old', '2026-08-01T00:00:00.000Z'),
      notification('new', '2026-11-19T00:00:00.000Z'),
    ]);
    expect(await store.compact(new Date('2026-11-20T00:00:00Z'))).toEqual({ dropped: 1 });
    expect((await store.events()).map((e) => e.notificationId)).toEqual(['new']);
  });

  it('keeps unreadable messages aside once each, and counts them', async () => {
    const d = dir();
    const store = await openFeedbackStore(d);
    const m = {
      sqsMessageId: 'q1',
      receivedAt: '2026-11-20T00:00:00Z',
      reason: 'not JSON',
      body: 'x'.repeat(10_000),
    };
    expect(await store.keepAside(m)).toBe(true);
    expect(await store.keepAside(m)).toBe(false);
    const reopened = await openFeedbackStore(d);
    expect(reopened.counts().unreadable).toBe(1);
    expect((await reopened.unreadable())[0]?.body).toHaveLength(4000);
  });

  it('keeps refused messages aside once each, apart from unreadable ones, with the newest reason', async () => {
    const d = dir();
    const store = await openFeedbackStore(d);
    const refused = (id: string, reason: string) => ({
      sqsMessageId: id,
      receivedAt: `2026-11-20T00:00:0${id.length}Z`,
      reason,
      detail: 'arn:aws:sns:us-east-1:999999999999:other',
      body: '{}',
    });
    expect(store.refusals()).toEqual({ count: 0, latest: null });
    expect(
      await store.refuse(refused('r1', 'It names a topic the assistant did not subscribe the queue to.')),
    ).toBe(true);
    expect(await store.refuse(refused('r1', 'again'))).toBe(false);
    expect(await store.refuse(refused('r22', 'Its signature does not match Amazon SNS’s certificate.'))).toBe(
      true,
    );
    const reopened = await openFeedbackStore(d);
    expect(reopened.refusals()).toEqual({
      count: 2,
      latest: {
        at: '2026-11-20T00:00:03Z',
        reason: 'Its signature does not match Amazon SNS’s certificate.',
      },
    });
    expect(reopened.counts()).toEqual({ bounce: 0, complaint: 0, delivery: 0, unreadable: 0 });
    expect((await reopened.refused()).map((m) => m.sqsMessageId)).toEqual(['r22', 'r1']);
    expect(await reopened.events()).toEqual([]);
  });

  it('writes appends one after another even when called at once', async () => {
    const store = await openFeedbackStore(dir());
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.append([notification(`n${i}`)])));
    const events: FeedbackEvent[] = await store.events();
    expect(new Set(events.map((e) => e.notificationId)).size).toBe(30);
  });

  it('creates its folder and a file only the person can read', async () => {
    const d = path.join(dir(), 'nested');
    const store = await openFeedbackStore(d);
    await store.append([notification('n1')]);
    expect(existsSync(path.join(d, EVENTS_FILE))).toBe(true);
    if (process.platform !== 'win32') expect(statSync(path.join(d, EVENTS_FILE)).mode & 0o077).toBe(0);
  });
});
