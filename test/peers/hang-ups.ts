/**
 * Loopback peers that misbehave on purpose, for the fault tests: a "DNS server" that takes every
 * question and never answers, and SMTP servers that hang up, never greet, or greet and then go
 * quiet. Unlike a closed port (refused at once), these make the client wait: only its own
 * timeouts can end the conversation.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import net from 'node:net';

export interface SilentDns {
  /** host:port, for peers.dns or --nameserver. */
  server: string;
  /** Questions received (and never answered). */
  readonly queries: number;
  stop(): Promise<void>;
}

/** A UDP "nameserver" on loopback that counts questions and treats each as `onQuery` says. */
async function udpDns(
  onQuery: (socket: Socket, query: Buffer, from: RemoteInfo) => void,
): Promise<SilentDns> {
  const socket = createSocket('udp4');
  let queries = 0;
  socket.on('message', (query, from) => {
    queries++;
    onQuery(socket, query, from);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    server: `127.0.0.1:${socket.address().port}`,
    get queries() {
      return queries;
    },
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

export const startSilentDns = (): Promise<SilentDns> => udpDns(() => undefined);

/**
 * A "DNS server" that refuses every question at once (RCODE 5, REFUSED), holding its port for as
 * long as it runs. A port merely closed after a probe can be taken by another test's nameserver on
 * a busy machine, which would then answer in its place.
 */
export const startRefusingDns = (): Promise<SilentDns> =>
  udpDns((socket, query, from) => {
    if (query.length < 12) return;
    const reply = Buffer.from(query);
    // The query's header and question, turned into a response (QR) that says REFUSED.
    reply[2] = (reply[2]! | 0x80) & ~0x04;
    reply[3] = (reply[3]! & 0xf0) | 5;
    socket.send(reply, from.port, from.address);
  });

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
