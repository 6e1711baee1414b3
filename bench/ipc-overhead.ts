/**
 * What the IPC router adds to a call (validation, error mapping, result wrapping), measured against
 * moto on loopback: the same connection test through router.invoke and by calling the service.
 */
import { testConnection } from '../electron/features/connection/connection';
import { startMoto } from '../test/peers/moto';
import { createUserWithKey } from '../test/support/aws';
import { buildTestApp } from '../test/support/assistant';
import { percentile, type Figure } from './figures';

export async function ipcOverhead(rounds = 200): Promise<Figure[]> {
  const moto = await startMoto();
  try {
    const key = await createUserWithKey(moto.endpoint, 'bench');
    const app = await buildTestApp({ endpoint: moto.endpoint });
    const connected = await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      region: 'us-east-1',
    });
    if (!connected.ok) throw new Error(`bench: connect failed: ${connected.error.code}`);
    const profileId = app.settings.get().activeProfileId!;
    const clients = await app.assistant.context.clientsFor(profileId);

    const viaRouter: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // Alternate, so drift in moto's speed affects both series alike.
      let t = performance.now();
      await app.router.invoke('connection.test', { profileId });
      viaRouter.push(performance.now() - t);
      t = performance.now();
      await testConnection(clients);
      direct.push(performance.now() - t);
    }
    viaRouter.sort((a, b) => a - b);
    direct.sort((a, b) => a - b);
    const over = (p: number) => Math.max(0, percentile(viaRouter, p) - percentile(direct, p));
    return [
      {
        name: 'IPC overhead per call, p50 (router − direct, vs moto)',
        value: over(50),
        unit: 'ms',
        goal: 20,
        kind: 'max',
        note: `router p50 ${percentile(viaRouter, 50).toFixed(1)} ms, direct ${percentile(direct, 50).toFixed(1)} ms`,
      },
      {
        name: 'IPC overhead per call, p95 (router − direct, vs moto)',
        value: over(95),
        unit: 'ms',
        goal: 20,
        kind: 'max',
        note: `router p95 ${percentile(viaRouter, 95).toFixed(1)} ms, direct ${percentile(direct, 95).toFixed(1)} ms`,
      },
    ];
  } finally {
    await moto.stop();
  }
}
