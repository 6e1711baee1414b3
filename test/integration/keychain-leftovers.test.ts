/**
 * “Remove everything” on “What this app created” leaves nothing of the app in the keychain: the real
 * Secret Service (gnome-keyring, through keytar, in the dbus-run-session npm test starts) is listed
 * before and after. Present before: the sending user's key (the connection), a rotation's pending and
 * previous keys beside it, the pending key of a second sending-user run that stopped right after AWS
 * showed it (`sending-user-pending`), and the Cloudflare token of a zone the assistant wrote records in.
 */
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainStore } from '../../electron/core/secret-store';
import type { CloudflarePreview } from '../../electron/features/cloudflare';
import { saveSlot } from '../../electron/features/rotation/key-slots';
import { createSendingUser, PENDING_KEY_SLOT } from '../../electron/features/sending-user/sending-user';
import type { ConnectionReport, RemovalReport } from '../../electron/ipc/contract';
import { startCloudflarePeer, type CloudflarePeer } from '../peers/cloudflare';
import { requireSecretService } from '../peers/keyring';
import { startMoto, type Moto } from '../peers/moto';
import { buildTestApp } from '../support/assistant';
import { createUserWithKey, verifyDomain } from '../support/aws';

const REGION = 'us-east-1';
const DOMAIN = 'leftovers.test';
const service = `ses-setup-assistant-test-${randomUUID()}`;

let moto: Moto;
let peer: CloudflarePeer;

/** Every slot the app's service holds in the Secret Service, by account name. */
const slots = async () => (await keytar.findCredentials(service)).map((c) => c.account).sort();

beforeAll(async () => {
  requireSecretService();
  moto = await startMoto();
  await verifyDomain(moto.endpoint, DOMAIN, REGION);
  peer = await startCloudflarePeer({ zones: [{ name: DOMAIN, nameservers: ['ada.ns.cloudflare.com.'] }] });
}, 60_000);

afterAll(async () => {
  for (const account of await slots().catch(() => [])) await keytar.deletePassword(service, account);
  await peer?.stop();
  await moto?.stop();
});

describe('Remove everything', () => {
  it('leaves the keychain holding nothing of the app', async () => {
    const app = await buildTestApp({
      endpoint: moto.endpoint,
      secretStore: keychainStore({ service }),
      // DNS asked at a closed loopback port: the Cloudflare preview plans without it.
      peers: {
        dns: { authoritative: '127.0.0.1:9', resolver: '127.0.0.1:9', timeoutMs: 500 },
        cloudflare: { apiBase: peer.apiBase },
      },
    });
    const ctx = app.assistant.context;
    const invoke = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await app.router.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.title}`);
      return result.value as T;
    };
    const admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
    await invoke('admin.open', {
      source: 'keys',
      accessKeyId: admin.accessKeyId,
      secretAccessKey: admin.secretAccessKey,
      region: REGION,
    });

    // The sending user, its key kept as the connection.
    const { profile } = await invoke<ConnectionReport>('sendingUser.create', { region: REGION });
    // A rotation's leftovers beside it.
    await saveSlot(ctx, profile.id, 'pending', {
      accessKeyId: 'AKIAROTATIONPENDING1',
      secretAccessKey: 'p'.repeat(40),
    });
    await saveSlot(ctx, profile.id, 'previous', {
      accessKeyId: 'AKIAROTATIONPREVIOUS',
      secretAccessKey: 'q'.repeat(40),
    });
    // A second run that stopped right after AWS showed its key: the key is in the pending slot only.
    await createSendingUser(ctx, { region: REGION, policy: {} });
    // A Cloudflare token, with records written by it.
    await invoke('cloudflare.connect', { domain: DOMAIN, token: peer.addToken() });
    const { digest } = await invoke<CloudflarePreview>('cloudflare.preview', { domain: DOMAIN });
    await invoke('cloudflare.write', { domain: DOMAIN, confirm: true, digest });

    expect(await slots()).toEqual(
      [
        `${profile.id}:aws-keys`,
        `${profile.id}:aws-keys-pending`,
        `${profile.id}:aws-keys-previous`,
        `${PENDING_KEY_SLOT}:aws-keys`,
        `cloudflare:${DOMAIN}`,
      ].sort(),
    );

    const report = await invoke<RemovalReport>('ledger.removeAll', { confirm: true });
    expect(report.ledger).toEqual([]);
    expect(await slots()).toEqual([]);
    expect(app.settings.get().profiles).toEqual([]);
  });
});
