/**
 * For tests of admin access over time: moto behind a recording fault proxy (which shows whose key
 * signed each call, and can hold one), an administrator's key, and an app on an injected clock that
 * the test moves instead of waiting. Registers its own hooks: call it once, at the top of a file.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../peers/fault-proxy';
import { startMoto, type Moto } from '../peers/moto';
import { buildTestApp, type TestApp } from './assistant';
import { createUserWithKey, type TestKey } from './aws';

export interface AdminOverTime {
  readonly moto: Moto;
  readonly proxy: FaultProxy;
  /** An IAM user allowed everything, made afresh for each test. */
  readonly adminKey: TestKey;
  readonly app: TestApp;
  /** The app's clock: minutes after `start`. */
  to(minute: number): void;
  /** The time `minute` minutes after `start`, as the app writes it. */
  at(minute: number): string;
  /** `admin.open` with the administrator's key, through the router. */
  openAdmin(): Promise<unknown>;
}

export function adminOverTime(start = Date.parse('2026-03-02T09:00:00.000Z')): AdminOverTime {
  let moto: Moto;
  let proxy: FaultProxy;
  let adminKey: TestKey;
  let app: TestApp;
  let now = start;

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startFaultProxy(moto.endpoint);
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });
  beforeEach(async () => {
    await moto.reset();
    proxy.clear();
    adminKey = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
    now = start;
    app = await buildTestApp({ endpoint: proxy.endpoint, clock: () => new Date(now) });
  });

  return {
    get moto() {
      return moto;
    },
    get proxy() {
      return proxy;
    },
    get adminKey() {
      return adminKey;
    },
    get app() {
      return app;
    },
    to: (minute) => void (now = start + minute * 60_000),
    at: (minute) => new Date(start + minute * 60_000).toISOString(),
    openAdmin: () =>
      app.router.invoke('admin.open', {
        source: 'keys',
        region: 'us-east-1',
        accessKeyId: adminKey.accessKeyId,
        secretAccessKey: adminKey.secretAccessKey,
      }),
  };
}
