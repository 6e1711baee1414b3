/**
 * The DNS hand-off against real peers: SES's DKIM tokens from moto, the domain's DNS from nsd. The
 * message names the records, the host and the `dig` lines; copying, saving and mailing it go through
 * the main-process ports; and the watch notifies exactly once when the records appear (the test
 * moves the app from a nameserver without them to one with them, as the recipient publishing them
 * would), asking AWS nothing while it watches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/ipc/contract';
import type {
  HandOffCopied,
  HandOffMailed,
  HandOffSaved,
  HandOffView,
} from '../../electron/features/handoff/types';
import type { Notification, SaveFileKind } from '../../electron/core/ports';
import { startHandOffWatch } from '../../electron/features/handoff/index';
import { runCli } from '../../cli/main';
import type { CliIo } from '../../cli/command';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, verifyDomain } from '../support/aws';
import { REGION } from '../support/dns-zones';

const DOMAIN = 'handed.test';
const GODADDY = ['ns51.domaincontrol.com.', 'ns52.domaincontrol.com.'];

let moto: Moto;
let before: Nsd;
let after: Nsd;
let tokens: string[];

function published(domain: string, dkim: string[]): string {
  return [
    ...dkim.map((t) => `${t}._domainkey IN CNAME ${t}.dkim.amazonses.com.`),
    `_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@${domain}"`,
    `bounce IN MX 10 feedback-smtp.${REGION}.amazonses.com.`,
    'bounce IN TXT "v=spf1 include:amazonses.com ~all"',
  ].join('\n');
}

async function connectedApp(authoritative: string): Promise<TestApp> {
  const app = await buildTestApp({
    endpoint: moto.endpoint,
    peers: { dns: { authoritative, timeoutMs: 6_000 } },
  });
  const key = await createUserWithKey(moto.endpoint, `handoff-${Math.random().toString(36).slice(2, 8)}`);
  const result = await app.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: REGION,
  });
  expect(result.ok).toBe(true);
  return app;
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.title}`);
  return result.value as T;
}

beforeAll(async () => {
  moto = await startMoto();
  tokens = await verifyDomain(moto.endpoint, DOMAIN, REGION);
  [before, after] = await Promise.all([
    startNsd([{ origin: DOMAIN, nameservers: GODADDY, records: '' }]),
    startNsd([{ origin: DOMAIN, nameservers: GODADDY, records: published(DOMAIN, tokens) }]),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([moto?.stop(), before?.stop(), after?.stop()]);
});

describe('the hand-off message', () => {
  it('names every record for the zone, the host and how to check, with nothing in place yet', async () => {
    const app = await connectedApp(before.server);
    const view = value<HandOffView>(await app.router.invoke('handoff.prepare', { domain: DOMAIN }));
    expect(view.host).toMatchObject({ id: 'godaddy', recognised: true, nameField: 'Name' });
    expect(view.host.whyNotAutomatic).toMatch(/10 or more domains/);
    expect(view.records.map((r) => `${r.type} ${r.relativeName} ${r.value}`)).toEqual([
      ...tokens.map((t) => `CNAME ${t}._domainkey ${t}.dkim.amazonses.com`),
      'TXT _dmarc v=DMARC1; p=none',
      `MX bounce 10 feedback-smtp.${REGION}.amazonses.com`,
      'TXT bounce v=spf1 include:amazonses.com ~all',
    ]);
    expect(view.records.every((r) => r.inPlace === false)).toBe(true);
    expect(view.allInPlace).toBe(false);
    expect(view.digLines[0]).toBe(
      `dig +short CNAME ${tokens[0]}._domainkey.${DOMAIN} @ns51.domaincontrol.com`,
    );
    expect(view.mail).toMatchObject({ fits: false, limit: 2000 });
    expect(view.watch).toEqual({ watching: false, since: null, lastCheckedAt: null, doneAt: null });
  });

  it('copies, saves (text and web page) and mails it through the main-process ports, then waits for the records', async () => {
    const app = await connectedApp(before.server);
    const ctx = app.assistant.context;
    const view = value<HandOffView>(await app.router.invoke('handoff.prepare', { domain: DOMAIN }));

    // Nothing changed since it was shown: the message sent is the one shown.
    expect(value(await app.router.invoke('handoff.copy', { domain: DOMAIN }))).toEqual({
      copied: true,
      remade: null,
    });
    expect((ctx.clipboard as unknown as { text: string; secret: boolean }).text).toBe(view.text);

    const saved = ctx.saveFile as unknown as {
      saved: { suggestedName: string; content: string; kind: SaveFileKind }[];
    };
    const html = value<HandOffSaved>(
      await app.router.invoke('handoff.save', { domain: DOMAIN, format: 'html' }),
    );
    expect(html.path).toBe(`/saved/DNS records for ${DOMAIN}.html`);
    expect(saved.saved[0]).toMatchObject({ kind: 'html', suggestedName: `DNS records for ${DOMAIN}.html` });
    expect(saved.saved[0]!.content).toContain(`<code>${tokens[0]}.dkim.amazonses.com</code>`);

    // Six records do not fit a mail link: the message is saved and a short note opened to attach it to.
    const mailed = value<HandOffMailed>(await app.router.invoke('handoff.mail', { domain: DOMAIN }));
    expect(mailed).toEqual({
      opened: true,
      mode: 'note',
      attach: `/saved/DNS records for ${DOMAIN}.txt`,
      remade: null,
    });
    expect(saved.saved[1]).toMatchObject({ kind: 'text', content: view.text });
    const opened = (ctx.openExternal as unknown as { opened: string[] }).opened;
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/^mailto:\?subject=DNS%20records%20to%20add%20for%20handed\.test/);
    expect(decodeURIComponent(opened[0]!)).toContain(`attached file (DNS records for ${DOMAIN}.txt)`);

    const again = value<HandOffView>(await app.router.invoke('handoff.prepare', { domain: DOMAIN }));
    expect(again.watch.watching).toBe(true);
    const stopped = await app.router.invoke('handoff.stopWatching', { domain: DOMAIN });
    expect(value(stopped)).toMatchObject({ watching: false });
  });

  it('copies the message of the region now chosen, not one prepared before the region changed', async () => {
    const other = 'eu-west-1';
    await verifyDomain(moto.endpoint, DOMAIN, other);
    const app = await connectedApp(before.server);
    const clipboard = app.assistant.context.clipboard as unknown as { text: string };
    const first = value<HandOffView>(await app.router.invoke('handoff.prepare', { domain: DOMAIN }));
    expect(first.text).toContain(`feedback-smtp.${REGION}.amazonses.com`);
    value(await app.router.invoke('regions.choose', { region: other, confirmChange: true }));
    // The message that went comes back, so the panel shows it instead of the one on screen.
    const copied = value<HandOffCopied>(await app.router.invoke('handoff.copy', { domain: DOMAIN }));
    expect(copied.remade).toMatchObject({ text: clipboard.text, region: other, watch: { watching: true } });
    expect(clipboard.text).toContain(`feedback-smtp.${other}.amazonses.com`);
    expect(clipboard.text).not.toContain(`feedback-smtp.${REGION}.amazonses.com`);
  });

  it('refuses bad input before anything runs', async () => {
    const app = await connectedApp(before.server);
    const bad = await app.router.invoke('handoff.save', { domain: DOMAIN, format: 'pdf' } as never);
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
    expect((app.assistant.context.saveFile as unknown as { saved: unknown[] }).saved).toEqual([]);
  });
});

describe('the hand-off watch against a real nameserver', () => {
  it('notifies once when every record appears, and asks AWS nothing while watching', async () => {
    const app = await connectedApp(before.server);
    const ctx = app.assistant.context;
    value(await app.router.invoke('handoff.prepare', { domain: DOMAIN }));
    value(await app.router.invoke('handoff.copy', { domain: DOMAIN }));
    // From here on AWS is out of reach: the watch must work from what was saved at hand-off.
    const clientsFor = ctx.clientsFor;
    ctx.clientsFor = () => Promise.reject(new Error('the watch asked AWS'));
    const timers: (() => void)[] = [];
    const watch = startHandOffWatch(ctx, { setTimer: (fn) => timers.push(fn), clearTimer: () => undefined });
    const sent = (ctx.notifier as unknown as { sent: Notification[] }).sent;

    expect(await watch.check()).toEqual([]);
    expect(sent).toEqual([]);

    // The recipient publishes the records: the domain's nameserver now answers with them.
    ctx.peers.dns = { ...ctx.peers.dns, authoritative: after.server };
    expect(await watch.check()).toEqual([DOMAIN]);
    expect(sent).toEqual([
      { title: `Your DNS records for ${DOMAIN} are in place`, body: expect.any(String), openStep: 'dns' },
    ]);
    expect(await watch.check()).toEqual([]);
    expect(sent).toHaveLength(1);
    watch.stop();

    ctx.clientsFor = clientsFor;
    const view = value<HandOffView>(await app.router.invoke('handoff.prepare', { domain: DOMAIN }));
    expect(view.watch).toMatchObject({ watching: false, doneAt: expect.any(String) });
  });
});

describe('ses-assistant dns-handoff against a real nameserver', () => {
  it('prints the JSON with every record in place and the host recognised', async () => {
    let out = '';
    const io: CliIo = {
      readStdin: async () => '',
      out: (t) => void (out += t),
      err: () => undefined,
      env: {},
    };
    const code = await runCli(
      [
        'dns-handoff',
        DOMAIN,
        '--region',
        REGION,
        '--dkim-tokens',
        tokens.join(','),
        '--nameserver',
        after.server,
        '--json',
      ],
      io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      host: { id: string };
      allInPlace: boolean;
      records: { inPlace: boolean; value: string }[];
    };
    expect(json.host.id).toBe('godaddy');
    expect(json.allInPlace).toBe(true);
    expect(json.records.every((r) => r.inPlace)).toBe(true);
    // The existing DMARC policy is kept, not replaced.
    expect(json.records.map((r) => r.value)).toContain(`v=DMARC1; p=none; rua=mailto:dmarc@${DOMAIN}`);
  });
});
