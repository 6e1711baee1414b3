/**
 * Every IPC channel, fed at least 500 generated inputs plus the nasty classics: nothing crashes or
 * rejects, invalid input gets a clear INVALID_INPUT error, and neither the settings file nor the
 * keychain changes. Services point at a closed loopback port, so no input can reach a network.
 */
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../electron/ipc/contract';
import type { SecretStore } from '../../../electron/core/secret-store';
import { sessionOnlyStore } from '../../../electron/core/secret-store';
import { buildTestApp } from '../../support/assistant';

const CLOSED = 'http://127.0.0.1:9';

function recordingStore(): SecretStore & { writes: number } {
  const inner = sessionOnlyStore();
  const store = {
    kind: inner.kind,
    writes: 0,
    get: inner.get,
    set: async (a: string, s: string) => {
      store.writes++;
      await inner.set(a, s);
    },
    delete: async (a: string) => {
      store.writes++;
      return inner.delete(a);
    },
    accounts: inner.accounts,
  };
  return store;
}

const classics: unknown[] = [
  undefined,
  null,
  0,
  -1,
  NaN,
  '',
  'x'.repeat(1_000_000),
  '\u0000\u0001\u001f',
  '💥🧨 ‮RTL ‭',
  [],
  [{}],
  {},
  { constructor: { prototype: { polluted: true } } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { toString: 'not a function' },
  { profileId: 'x'.repeat(100_000) },
  { step: 'welcome', extra: 1 },
  {
    source: 'keys',
    accessKeyId: 'AKIA' + 'A'.repeat(16),
    secretAccessKey: '\u0000'.repeat(40),
    region: 'us-east-1',
  },
  { text: '' },
  { domain: 'exa mple.com' },
  { confirm: 'true' },
];

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterAll(() => void process.off('unhandledRejection', onUnhandled));

describe('fuzzing every IPC channel', () => {
  it.each(CHANNELS)(
    '%s refuses bad input cleanly and changes nothing',
    async (channel) => {
      const store = recordingStore();
      const app = await buildTestApp({
        endpoint: CLOSED,
        peers: {
          smtp: { host: '127.0.0.1', port: 9 },
          dns: { authoritative: '127.0.0.1:9', resolver: '127.0.0.1:9' },
        },
        secretStore: store,
      });
      await app.settings.update((s) => s); // write the file once, so "unchanged" can be compared
      let before = await readFile(app.settings.file, 'utf8');
      const schema = contract[channel].input;
      let invalidSeen = 0;

      const check = async (input: unknown) => {
        const valid = schema.safeParse(input).success;
        const writesBefore = store.writes;
        const result = await app.router.invoke(channel, input);
        expect(typeof result.ok).toBe('boolean');
        if (valid) {
          // A valid input may change things on purpose; later invalid ones are compared with that.
          before = await readFile(app.settings.file, 'utf8');
          return;
        }
        invalidSeen++;
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('INVALID_INPUT');
          expect(result.error.title.length).toBeGreaterThan(5);
          expect(result.error.explanation.length).toBeLessThan(2000);
        }
        expect(store.writes).toBe(writesBefore);
        expect(await readFile(app.settings.file, 'utf8')).toBe(before);
      };

      for (const input of classics) await check(input);
      await fc.assert(
        fc.asyncProperty(fc.anything({ withObjectString: true, withNullPrototype: true }), check),
        {
          numRuns: 500,
        },
      );
      expect(invalidSeen).toBeGreaterThan(400);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(unhandled).toEqual([]);
    },
    60_000,
  );
});
