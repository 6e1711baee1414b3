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
      // The renderer has no Node and no secrets: it may only reach the main process through
      // window.assistant. Which of electron/ it may import is a dependency rule (.dependency-cruiser.cjs).
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
          ],
        },
      ],
    },
  },
);
