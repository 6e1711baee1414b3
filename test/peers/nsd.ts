/**
 * A real authoritative DNS server (Debian's nsd) on a free loopback port, serving the zones a test
 * gives it. Runs as root without dropping privileges (`username: ""`) and without a database file.
 * When nsd is missing the tests fail and say how to install it: they never skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

export interface Nsd {
  /** host:port, for Resolver#setServers and --nameserver. */
  server: string;
  port: number;
  stop(): Promise<void>;
  /**
   * Rewrites one of the zones the server was started with and reloads it (SIGHUP), resolving once
   * the server answers with the new serial. For peers that publish what they hold (Cloudflare's).
   */
  writeZone(zone: ZoneText): Promise<void>;
  /** The zones the server was started with (only these can be rewritten). */
  origins: string[];
}

/** A zone: its origin and the records below the SOA, in zone-file syntax relative to the origin. */
export interface ZoneText {
  origin: string;
  records: string;
  /** NS names for the zone (they decide which DNS host is recognised). */
  nameservers?: string[];
  /** The SOA serial (1 when not given); a rewritten zone gets a higher one so a reload can be seen. */
  serial?: number;
}

function nsdCommand(): string {
  const found = spawnSync('sh', ['-c', 'command -v nsd || ls /usr/sbin/nsd'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')[0];
  if (!found)
    throw new Error(
      'nsd was not found. Install it with: apt-get install -y nsd (or run scripts/install-peers.sh).',
    );
  return found;
}

export function zoneFile(zone: ZoneText): string {
  const ns = zone.nameservers ?? [`ns1.${zone.origin}.`];
  return [
    `$ORIGIN ${zone.origin}.`,
    '$TTL 60',
    `@ IN SOA ${ns[0]} hostmaster.${zone.origin}. ${zone.serial ?? 1} 3600 600 86400 60`,
    ...ns.map((n) => `@ IN NS ${n}`),
    zone.records,
    '',
  ].join('\n');
}

/** Waits until the server answers a DNS query on UDP (nsd binds after reading its zones). */
async function waitForAnswer(port: number, child: ChildProcess, log: () => Promise<string>): Promise<void> {
  // A minimal query for "." SOA: any answer (even REFUSED) proves the server is up.
  const query = Buffer.from([0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 6, 0, 1]);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nsd exited at start: ${await log()}`);
    const answered = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      const timer = setTimeout(() => (socket.close(), resolve(false)), 200);
      socket.once('message', () => (clearTimeout(timer), socket.close(), resolve(true)));
      socket.send(query, port, '127.0.0.1');
    });
    if (answered) return;
  }
  child.kill('SIGKILL');
  throw new Error(`nsd did not answer within 10 s: ${await log()}`);
}

/** Waits until the server answers the zone's SOA with `serial` (nsd reloads in the background). */
async function waitForSerial(
  server: string,
  origin: string,
  serial: number,
  child: ChildProcess,
  log: () => Promise<string>,
): Promise<void> {
  const resolver = new Resolver({ timeout: 500, tries: 1 });
  resolver.setServers([server]);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nsd exited on reload: ${await log()}`);
    const soa = await resolver.resolveSoa(origin).catch(() => null);
    if (soa && soa.serial === serial) return;
    // Asked again at once would spin against a server busy reloading: a short pause between asks.
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nsd did not serve serial ${serial} of ${origin} within 10 s: ${await log()}`);
}

export async function startNsd(zones: ZoneText[]): Promise<Nsd> {
  const command = nsdCommand();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ses-nsd-'));
  const port = await freePort();
  const conf = [
    'server:',
    '  username: ""',
    `  port: ${port}`,
    '  ip-address: 127.0.0.1',
    '  database: ""',
    `  zonesdir: "${dir}"`,
    `  pidfile: "${dir}/nsd.pid"`,
    `  xfrdfile: "${dir}/xfrd.state"`,
    `  zonelistfile: "${dir}/zone.list"`,
    `  logfile: "${dir}/nsd.log"`,
    '  server-count: 1',
    '  verbosity: 1',
    'remote-control:',
    '  control-enable: no',
  ];
  for (const zone of zones) {
    await writeFile(path.join(dir, `${zone.origin}.zone`), zoneFile(zone));
    conf.push('zone:', `  name: ${zone.origin}`, `  zonefile: "${zone.origin}.zone"`);
  }
  await writeFile(path.join(dir, 'nsd.conf'), conf.join('\n') + '\n');
  // -d: stay in the foreground, so the test owns the process and can stop it.
  const child = spawn(command, ['-d', '-c', path.join(dir, 'nsd.conf')], { stdio: 'ignore' });
  const log = () => readFile(path.join(dir, 'nsd.log'), 'utf8').catch(() => '(no log)');
  await waitForAnswer(port, child, log);
  const serials = new Map<string, number>();
  return {
    server: `127.0.0.1:${port}`,
    port,
    origins: zones.map((z) => z.origin),
    writeZone: async (zone) => {
      if (!zones.some((z) => z.origin === zone.origin)) throw new Error(`nsd does not serve ${zone.origin}`);
      // Each rewrite gets the next serial, so the wait below sees this version and no older one.
      const serial = zone.serial ?? (serials.get(zone.origin) ?? 1) + 1;
      serials.set(zone.origin, serial);
      await writeFile(path.join(dir, `${zone.origin}.zone`), zoneFile({ ...zone, serial }));
      child.kill('SIGHUP');
      await waitForSerial(`127.0.0.1:${port}`, zone.origin, serial, child, log);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => void rm(dir, { recursive: true, force: true }).finally(resolve);
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
