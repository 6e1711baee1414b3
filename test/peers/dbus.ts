/**
 * A private D-Bus message bus (dbus-daemon, as `dbus-run-session` starts one), and signals sent on it
 * as a screen locker or logind would send them: with `gdbus emit` from any connection, or from the
 * owner of a well-known name (dbus-name-owner.py, for listeners that hear only that name's owner).
 * Two of these stand in for the session bus and the system bus, so a test never touches the
 * machine's own buses.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const run = promisify(execFile);
const NAME_OWNER = path.join(__dirname, 'dbus-name-owner.py');

/** A well-known name held on the bus, and signals sent by its owner. */
export interface NameOwner {
  /** Sends `interface.member` at `path`; `args`: a tuple in GVariant text, e.g. "(true,)". */
  emit(path: string, signal: string, args?: string): Promise<void>;
  /** Gives the name up. */
  stop(): Promise<void>;
}

export interface PrivateBus {
  /** The bus's address, for DBUS_SESSION_BUS_ADDRESS or DBUS_SYSTEM_BUS_ADDRESS. */
  address: string;
  /** Sends a signal: `gdbus emit --object-path <path> --signal <interface.member> <args…>` (GVariant text). */
  emit(path: string, signal: string, ...args: string[]): Promise<void>;
  /** Holds `name` (as logind holds org.freedesktop.login1) until the owner is stopped. */
  own(name: string): Promise<NameOwner>;
  stop(): Promise<void>;
}

/** Debian's own python3, where apt puts python3-gi (a pyenv python3 earlier on PATH would not see it). */
async function startOwner(address: string, name: string): Promise<NameOwner> {
  const child = spawn('/usr/bin/python3', [NAME_OWNER, address, name], { stdio: ['pipe', 'pipe', 'pipe'] });
  let said = '';
  child.stderr!.on('data', (d: Buffer) => (said += d.toString()));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (expected: string) => {
    const line = await lines.next();
    if (line.done || line.value !== expected)
      throw new Error(`dbus-name-owner.py (python3-gi needed): ${line.done ? said : line.value}`);
  };
  await next('owned');
  return {
    async emit(path, signal, args) {
      const dot = signal.lastIndexOf('.');
      const message = { path, interface: signal.slice(0, dot), member: signal.slice(dot + 1), args };
      child.stdin!.write(`${JSON.stringify(message)}\n`);
      await next('sent');
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

export async function startPrivateBus(): Promise<PrivateBus> {
  // The session configuration: a bus anyone of this user may use, listening in a temporary folder.
  const daemon: ChildProcess = spawn(
    'dbus-daemon',
    ['--session', '--nofork', '--nopidfile', '--print-address=1'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const address = await new Promise<string>((resolve, reject) => {
    daemon.once('error', reject);
    daemon.once('exit', (code) =>
      reject(new Error(`dbus-daemon ended (${code}) before it gave its address`)),
    );
    createInterface({ input: daemon.stdout! }).once('line', (line) => resolve(line.trim()));
  });
  daemon.removeAllListeners('exit');
  return {
    address,
    async emit(path, signal, ...args) {
      await run('gdbus', ['emit', '--address', address, '--object-path', path, '--signal', signal, ...args]);
    },
    own: (name) => startOwner(address, name),
    stop: () =>
      new Promise<void>((resolve) => {
        if (daemon.exitCode !== null || daemon.signalCode !== null) return resolve();
        daemon.once('exit', () => resolve());
        daemon.kill();
      }),
  };
}
