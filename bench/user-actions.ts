/** User actions on the automatic path, as counted by the keyboard-only e2e run (test/e2e/full-path.test.ts). */
import { existsSync, readFileSync } from 'node:fs';
import type { Figure } from './figures';

export function userActions(file = 'test-results/user-actions.json'): Figure {
  if (!existsSync(file))
    throw new Error(`${file} is missing: run "npm test" first (its e2e run counts the actions).`);
  const counted = JSON.parse(readFileSync(file, 'utf8')) as { clicks: number; fields: number; total: number };
  return {
    name: 'User actions, first launch → sent test email (automatic path)',
    value: counted.total,
    unit: 'actions',
    goal: 12,
    kind: 'max',
    note: `${counted.clicks} clicks + ${counted.fields} fields; about 60 by hand in the AWS console`,
  };
}
