/**
 * A real moto server (the AWS emulator) on a free loopback port, started by the tests themselves.
 * When moto is missing the tests fail and say how to install it: they never skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';

export interface Moto {
  endpoint: string;
  /** Forget every resource (auth stays as it is). */
  reset(): Promise<void>;
  /** Turn IAM enforcement on (true) or off. */
  enforceAuth(on: boolean): Promise<void>;
  /** Everything moto holds, including the mail SES "sent". */
  data(): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

function motoCommand(): string {
  const local = path.resolve('.venv-moto/bin/moto_server');
  if (existsSync(local)) return local;
  const found = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) {
    throw new Error(
      'moto_server was not found. Install it with: python3 -m venv .venv-moto && .venv-moto/bin/pip install "moto[server]" (or run scripts/install-peers.sh).',
    );
  }
  return found;
}

export async function startMoto(options: { enforceAuth?: boolean } = {}): Promise<Moto> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' };
  const child: ChildProcess = spawn(motoCommand(), ['-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited at start: ${stderr}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not start within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const post = async (route: string, body?: string) => {
    const res = await fetch(`${endpoint}${route}`, { method: 'POST', body });
    if (!res.ok) throw new Error(`moto ${route}: HTTP ${res.status}`);
  };
  const moto: Moto = {
    endpoint,
    reset: () => post('/moto-api/reset'),
    enforceAuth: (on) => post('/moto-api/reset-auth', on ? '0' : 'inf'),
    data: async () =>
      (await fetch(`${endpoint}/moto-api/data.json`)).json() as Promise<Record<string, unknown>>,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
  if (options.enforceAuth) await moto.enforceAuth(true);
  return moto;
}
