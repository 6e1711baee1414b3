import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Tests reach only loopback: the SDK must never probe the instance-metadata address.
const env = { AWS_EC2_METADATA_DISABLED: 'true' };

export default defineConfig({
  plugins: [react()],
  test: {
    env,
    // Waits are conditions, given room for a busy machine: a slow run passes later, never fails.
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'glue', include: ['test/glue/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
