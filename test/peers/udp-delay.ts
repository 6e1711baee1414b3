/**
 * A UDP proxy on loopback that holds every DNS answer for a while before passing it on: it makes a
 * slow nameserver out of a fast one, to measure that a check costs about one slow lookup, not many.
 */
import { createSocket, type Socket } from 'node:dgram';

export interface DelayProxy {
  server: string;
  port: number;
  /** How many questions have passed through so far. */
  readonly queries: number;
  stop(): Promise<void>;
}

/** The name a DNS query asks about (the question section starts at byte 12). */
export function questionName(msg: Buffer): string {
  const labels: string[] = [];
  for (let i = 12; i < msg.length && msg[i]! > 0; i += msg[i]! + 1)
    labels.push(msg.subarray(i + 1, i + 1 + msg[i]!).toString('latin1'));
  return labels.join('.').toLowerCase();
}

/**
 * `drop`: names whose questions are swallowed (never answered), to make one lookup time out while
 * the others are answered.
 */
export async function startDelayProxy(
  upstreamPort: number,
  delayMs: number,
  drop: string[] = [],
): Promise<DelayProxy> {
  const front = createSocket('udp4');
  const open = new Set<Socket>();
  let queries = 0;
  front.on('message', (msg, client) => {
    queries++;
    if (drop.includes(questionName(msg))) return;
    // One upstream socket per query, so answers find their way back to the right client.
    const back = createSocket('udp4');
    open.add(back);
    back.once('message', (answer) => {
      setTimeout(() => {
        front.send(answer, client.port, client.address);
        back.close();
        open.delete(back);
      }, delayMs);
    });
    back.send(msg, upstreamPort, '127.0.0.1');
  });
  await new Promise<void>((resolve) => front.bind(0, '127.0.0.1', resolve));
  const { port } = front.address();
  return {
    server: `127.0.0.1:${port}`,
    port,
    get queries() {
      return queries;
    },
    stop: async () => {
      for (const s of open) s.close();
      await new Promise<void>((r) => front.close(() => r()));
    },
  };
}
