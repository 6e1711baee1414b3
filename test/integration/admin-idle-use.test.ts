/**
 * What keeps admin access open: only a person's action. The reads a screen makes by itself when it
 * opens (the suppression list and alarms, bounce settings, the Route 53 preview) use the admin keys
 * while they are open, but do not restart the 15 minutes; a change the person asked for does. Run
 * through the router, as the window calls it, against moto behind a recording proxy (which shows
 * whose key signed each read), on an injected clock.
 */
import { describe, expect, it } from 'vitest';
import type { AdminSummary } from '../../electron/ipc/contract';
import { adminOverTime } from '../support/admin-over-time';

const t = adminOverTime();
const { to, at } = t;

async function status(): Promise<AdminSummary | null> {
  const r = await t.app.router.invoke('admin.status', {});
  if (!r.ok) throw new Error(r.error.code);
  return r.value as AdminSummary | null;
}

/**
 * What the screens read by themselves (each reaches the admin credentials while a session is open),
 * answered or not by moto; returns whether the admin key signed any of the calls they made.
 */
async function screenReads(): Promise<'with the admin key' | 'without it'> {
  const reads: [string, object][] = [
    ['suppression.list', {}],
    ['suppression.settings', {}],
    ['suppression.alarms', {}],
    ['suppression.detail', { address: 'someone@example.org' }],
    ['notifications.status', { identity: 'example.com' }],
    ['route53.preview', { domain: 'example.com' }],
  ];
  const from = t.proxy.seen.length;
  for (const [channel, input] of reads) await t.app.router.invoke(channel, input);
  const signers = t.proxy.seen.slice(from).map((s) => s.keyId);
  return signers.includes(t.adminKey.accessKeyId) ? 'with the admin key' : 'without it';
}

describe('the idle limit of admin access', () => {
  it('is not moved by reads the screens make by themselves, only by a person’s action', async () => {
    const opened = await t.openAdmin();
    expect(opened).toMatchObject({ ok: true, value: { expiresAt: at(15) } });

    // Reads at minute 5 use the admin keys, and leave the deadline where it was.
    to(5);
    expect(await screenReads()).toBe('with the admin key');
    expect((await status())!.expiresAt).toBe(at(15));

    // The person asks for the sending user at minute 10: that is a use.
    to(10);
    const created = await t.app.router.invoke('sendingUser.create', { region: 'us-east-1' });
    expect(created).toMatchObject({ ok: true });
    expect((await status())!.expiresAt).toBe(at(25));

    // Screens left open keep reading, with the admin keys, until the idle limit...
    for (const minute of [14, 20, 24]) {
      to(minute);
      expect(await screenReads()).toBe('with the admin key');
      expect((await status())!.expiresAt, `minute ${minute}`).toBe(at(25));
    }
    // ...which they did not move: 15 minutes after the person's last action, the keys are gone.
    to(25);
    expect(await status()).toBeNull();
    expect(t.app.assistant.context.admin.ended()).toEqual({ reason: 'idle', at: at(25) });
    // The reads go on with the sending user's own key.
    expect(await screenReads()).toBe('without it');
  });
});
