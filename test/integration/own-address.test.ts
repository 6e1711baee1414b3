/**
 * The test to the person's own address through the real router and services, against moto behind
 * the fault proxy: moto verifies every address at once, so the proxy keeps an address Pending until
 * the test "clicks the link" (emulateEmailVerification), as SES does. What must hold: a link is
 * mailed only when the person asks (never by a status read), an address at a verified domain needs
 * none, and once the link is clicked the test reaches that address.
 */
import { SESClient, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantError, Result } from '../../electron/ipc/contract';
import type { OwnAddressState } from '../../electron/features/sending/own-address';
import { startFaultProxy, type FaultProxy } from '../peers/fault-proxy';
import { startMoto, type Moto } from '../peers/moto';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';

const REGION = 'us-east-1';
const DOMAIN = 'example.com';
const MINE = 'me@mail.example';

let moto: Moto;
let proxy: FaultProxy;
let app: TestApp;

const state = (r: Result<unknown>) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: OwnAddressState }).value;
};
const linksMailed = () => proxy.seen.filter((s) => s.action === 'VerifyEmailIdentity').length;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint, { emulateEmailVerification: true });
});

beforeEach(async () => {
  await moto.reset();
  proxy.clear();
  const key = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  await new SESClient({
    region: REGION,
    endpoint: moto.endpoint,
    credentials: DUMMY_ADMIN,
    maxAttempts: 1,
  }).send(new VerifyDomainIdentityCommand({ Domain: DOMAIN }));
  app = await buildTestApp({ endpoint: proxy.endpoint });
  const r = await app.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: REGION,
  });
  expect(r.ok).toBe(true);
});

afterAll(async () => {
  await proxy?.stop();
  await moto?.stop();
});

describe('a test to your own address (moto)', () => {
  it('needs no link for an address at the verified domain, even in the sandbox', async () => {
    const s = state(await app.router.invoke('ownAddress.prepare', { address: `boss@${DOMAIN}` }));
    expect(s).toEqual({ address: `boss@${DOMAIN}`, ready: true, reason: 'domain-verified', linkSent: false });
    expect(linksMailed()).toBe(0);
  });

  it('mails the link once, waits while it is not clicked, and sends once it is', async () => {
    const asked = state(await app.router.invoke('ownAddress.prepare', { address: MINE }));
    expect(asked).toEqual({ address: MINE, ready: false, reason: 'waiting-for-link', linkSent: true });
    expect(linksMailed()).toBe(1);
    // Reading the status while waiting mails nothing more.
    for (let i = 0; i < 3; i++) {
      const waiting = state(await app.router.invoke('ownAddress.status', { address: MINE }));
      expect(waiting).toMatchObject({ ready: false, reason: 'waiting-for-link', linkSent: false });
    }
    expect(linksMailed()).toBe(1);
    const ledger = (await app.router.invoke('ledger.list', {})) as Result<{ kind: string; id: string }[]>;
    expect(ledger.ok && ledger.value.some((e) => e.kind === 'ses-identity' && e.id === MINE)).toBe(true);

    proxy.pendingEmails.delete(MINE); // the person clicks the link
    const ready = state(await app.router.invoke('ownAddress.status', { address: MINE }));
    expect(ready).toMatchObject({ ready: true, reason: 'address-verified' });
    const sent = await app.router.invoke('send.test', { via: 'api', from: `test@${DOMAIN}`, to: MINE });
    expect(sent.ok).toBe(true);
    const messages = ((await moto.data()).ses as { Message: { destinations: { ToAddresses: string[] } }[] })
      .Message;
    expect(messages.map((m) => m.destinations.ToAddresses)).toEqual([[MINE]]);
  });

  it('mails a new link when asked again', async () => {
    state(await app.router.invoke('ownAddress.prepare', { address: MINE }));
    const again = state(await app.router.invoke('ownAddress.prepare', { address: MINE }));
    expect(again).toMatchObject({ ready: false, linkSent: true });
    expect(linksMailed()).toBe(2);
  });

  it('refuses what is not an address before anything reaches AWS', async () => {
    const before = proxy.seen.length;
    for (const address of ['not an address', `${MINE}\nBcc: x@y.z`, '']) {
      const r = await app.router.invoke('ownAddress.prepare', { address });
      expect(r.ok).toBe(false);
      expect((r as { error: AssistantError }).error.code).toBe('INVALID_INPUT');
    }
    expect(proxy.seen.length).toBe(before);
  });
});
