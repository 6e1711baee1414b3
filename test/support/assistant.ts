/** Builds the real services and router over a temporary data folder, as main.ts does. */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRouter, type Router } from '../../electron/ipc/router';
import { createAssistant, type Assistant } from '../../electron/assistant';
import type { Endpoints } from '../../electron/core/aws-clients';
import type { PeerOverrides } from '../../electron/core/context';
import { silentLog, type Log } from '../../electron/core/log';
import { sessionOnlyStore, type SecretStore } from '../../electron/core/secret-store';
import { openSettings, type SettingsStore } from '../../electron/core/settings';

export interface TestApp {
  dir: string;
  home: string;
  settings: SettingsStore;
  assistant: Assistant;
  router: Router;
  secretStore: SecretStore;
}

export async function buildTestApp(options: {
  /** moto's address for every service, or per-service endpoints. */
  endpoint: string | Endpoints;
  peers?: PeerOverrides;
  clock?: () => Date;
  secretStore?: SecretStore;
  log?: Log;
  dir?: string;
  home?: string;
  /** Default 1 (moto's 500s for missing actions are not worth retrying); fault tests give the SDK's 3. */
  awsMaxAttempts?: number;
  /** A shorter wait per AWS request than the factory's 20 s, for tests of a silent peer. */
  awsRequestTimeoutMs?: number;
}): Promise<TestApp> {
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'ses-assistant-data-')));
  const home = options.home ?? (await mkdtemp(path.join(os.tmpdir(), 'ses-assistant-home-')));
  const settings = await openSettings(dir);
  const secretStore = options.secretStore ?? sessionOnlyStore();
  const log = options.log ?? silentLog;
  const assistant = createAssistant({
    settings,
    secretStore,
    log,
    homeDir: home,
    env: {},
    awsEndpoints: typeof options.endpoint === 'string' ? { default: options.endpoint } : options.endpoint,
    peers: options.peers,
    clock: options.clock,
    awsMaxAttempts: options.awsMaxAttempts ?? 1,
    awsRequestTimeoutMs: options.awsRequestTimeoutMs,
  });
  return { dir, home, settings, assistant, router: createRouter(assistant.handlers, log), secretStore };
}
