/**
 * Loopback peers that misbehave on purpose, for the fault tests: a "DNS server" that takes every
 * question and never answers, and SMTP servers that hang up, never greet, or greet and then go
 * quiet. Unlike a closed port (refused at once), these make the client wait: only its own
 * timeouts can end the conversation.
 */
import { createSocket } from 'node:dgram';
import net from 'node:net';

export interface SilentDns {
  /** host:port, for peers.dns or --nameserver. */
  server: string;
  /** Questions received (and never answered). */
  readonly queries: number;
  stop(): Promise<void>;
}

export async function startSilentDns(): Promise<SilentDns> {
  const socket = createSocket('udp4');
  let queries = 0;
  socket.on('message', () => void queries++);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    server: `127.0.0.1:${socket.address().port}`,
    get queries() {
      return queries;
    },
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/**
 * - `hang-up`: accepts the connection and closes it at once, before any greeting.
 * - `no-greeting`: accepts and says nothing, ever.
 * - `greet-then-hang-up`: sends the 220 greeting, and closes when the client speaks (EHLO).
 * - `greet-then-silence`: sends the 220 greeting, then never answers again.
 */
export type SmtpMisbehaviour = 'hang-up' | 'no-greeting' | 'greet-then-hang-up' | 'greet-then-silence';

export interface BadSmtp {
  /** peers.smtp for the assistant. */
  override: { host: string; port: number };
  readonly connections: number;
  stop(): Promise<void>;
}

export async function startBadSmtp(behaviour: SmtpMisbehaviour): Promise<BadSmtp> {
  const open = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
    if (behaviour === 'hang-up') return void socket.destroy();
    if (behaviour === 'no-greeting') return;
    socket.write('220 fault.test ESMTP\r\n');
    if (behaviour === 'greet-then-hang-up') socket.once('data', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    override: { host: '127.0.0.1', port },
    get connections() {
      return connections;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
