import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'test-results/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer has no Node and no secrets: it may only reach the main process through window.assistant.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the main process only through window.assistant.',
            },
            { name: 'keytar', message: 'The keychain lives in the main process.' },
            { name: 'nodemailer', message: 'SMTP lives in the main process.' },
          ],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'The renderer has no Node access.' },
            { group: ['@aws-sdk/*'], message: 'AWS lives in the main process.' },
            {
              group: [
                '**/electron/features/**',
                '**/electron/core/**',
                '**/electron/assistant',
                '**/electron/platform/**',
                '**/electron/main',
                '**/electron/preload',
              ],
              message:
                'Import types from electron/ipc/contract.ts and rules from electron/ipc/schemas.ts only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Services run in plain Node tests: they must never pull in Electron.
    files: [
      'electron/features/**/*.ts',
      'electron/core/**/*.ts',
      'electron/ipc/**/*.ts',
      'electron/assistant.ts',
      'cli/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main.ts, preload.ts and platform/ may import electron.' },
          ],
        },
      ],
    },
  },
);
