/**
 * The start-up and shut-down the end-to-end scenarios share, so each file says only what is its own:
 * the app already connected and on a given screen, the automatic path's peers, and stopping it all.
 */
import { keychainStore } from '../../electron/core/secret-store';
import type { StepId } from '../../electron/ipc/schemas';
import { closeBrowser, launchApp, type RunningApp } from '../e2e/harness';
import { requireSecretService } from '../peers/keyring';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { createUserWithKey, verifyDomain, type TestKey } from './aws';
import { checkerZones } from './dns-zones';

/**
 * Connects the app with `key` through its own handler (connecting is the Connect screens' business,
 * tested in connect.test.ts; elsewhere it is only the starting point), then, with `step`, opens that
 * screen and reloads the page so it shows it.
 */
export async function connectApp(
  app: RunningApp,
  key: TestKey,
  options: { region?: string; step?: StepId } = {},
): Promise<void> {
  const { handlers } = app.assistant;
  await handlers['connection.connect']({
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: options.region ?? 'us-east-1',
  });
  if (options.step) {
    await handlers['wizard.goTo']({ step: options.step });
    await app.page.reload();
  }
}

/** Stops the app (if it started), the shared browser, then every peer given. */
export async function stopE2e(
  apps: RunningApp | undefined | (RunningApp | undefined)[],
  ...peers: ({ stop(): Promise<void> } | undefined)[]
): Promise<void> {
  for (const app of Array.isArray(apps) ? apps : [apps]) await app?.stop();
  await closeBrowser();
  await Promise.all(peers.map((peer) => peer?.stop()));
}

export interface AutomaticPath {
  moto: Moto;
  account: Sesv2AccountPeer;
  nsd: Nsd;
  /** An administrator's key, allowed everything, for the person to paste. */
  admin: TestKey;
  app: RunningApp;
}

/**
 * The automatic path's world on a first launch: moto with IAM enforcement on, the SES v2 account
 * peer, nsd serving the DNS checker's zones with moto's DKIM tokens, and the app keeping its keys in
 * the real keychain under `service`. Nothing is connected yet.
 */
export async function startAutomaticPath(service: string): Promise<AutomaticPath> {
  requireSecretService();
  const started: { stop(): Promise<void> }[] = [];
  const start = async <T extends { stop(): Promise<void> }>(peer: Promise<T>): Promise<T> => {
    const running = await peer;
    started.push(running);
    return running;
  };
  try {
    const moto = await start(startMoto());
    const account = await start(startSesv2AccountPeer());
    const admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
    // moto gives every domain the same three DKIM tokens: the zones nsd serves are written with them.
    const nsd = await start(startNsd(checkerZones(await verifyDomain(moto.endpoint, 'probe.test'))));
    await moto.enforceAuth(true);
    const app = await launchApp({
      awsEndpoint: { default: moto.endpoint, sesv2: account.endpoint },
      peers: { dns: { authoritative: nsd.server } },
      secretStore: keychainStore({ service }),
    });
    return { moto, account, nsd, admin, app };
  } catch (err) {
    // A start-up that failed halfway must not leave its servers running (the process would hang).
    await stopE2e(undefined, ...started);
    throw err;
  }
}
