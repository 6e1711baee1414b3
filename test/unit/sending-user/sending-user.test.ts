import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { AwsClients } from '../../../electron/core/aws-clients';
import { cloudShellScript } from '../../../electron/features/sending-user/cloudshell';
import { testConnection } from '../../../electron/features/connection/connection';
import {
  buildSendingPolicy,
  buildSetupPolicy,
  SCRIPT_ACCOUNT,
  SENDING_POLICY_NAME,
  SETUP_POLICY_NAME,
} from '../../../electron/features/sending-user/policy';

function fakeClients(arn: string): AwsClients {
  const client = {
    send: async () => ({ Arn: arn, Account: '123456789012', Max24HourSend: 200, MaxSendRate: 1 }),
  };
  return { region: 'us-east-1', sts: async () => client, ses: async () => client } as unknown as AwsClients;
}

describe('root credentials', () => {
  it('are refused with an explanation and the two ways on', async () => {
    await expect(testConnection(fakeClients('arn:aws:iam::123456789012:root'))).rejects.toMatchObject({
      assistantError: { code: 'ROOT_CREDENTIALS', fix: expect.stringMatching(/console|CloudShell/) },
    });
  });
  it('do not include an IAM user whose name ends in root', async () => {
    await expect(testConnection(fakeClients('arn:aws:iam::123456789012:user/chroot'))).resolves.toMatchObject(
      {
        identity: { userName: 'chroot' },
      },
    );
  });
});

describe('the CloudShell command', () => {
  const sending = buildSendingPolicy({ fromAddress: "o'brien@example.com", accountId: SCRIPT_ACCOUNT });
  const setup = buildSetupPolicy();
  const script = cloudShellScript({
    userName: 'ses-setup-assistant-sender',
    policies: [
      { name: SENDING_POLICY_NAME, document: sending },
      { name: SETUP_POLICY_NAME, document: setup },
    ],
  });

  it('is valid bash', () => {
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('writes exactly the built policies, in order, even with quotes in them, scoped to the account it runs in', () => {
    // Run only the lines that write the policy file, to a temporary file, and read each back.
    const lines = script.split('\n').filter((l) => l.startsWith("printf '%s'"));
    expect(lines).toHaveLength(2);
    const written = lines.map((line) => {
      const out = spawnSync(
        'bash',
        [
          '-c',
          `ACCOUNT=210987654321; POLICY_FILE=$(mktemp); ${line}; cat "$POLICY_FILE"; rm -f "$POLICY_FILE"`,
        ],
        { encoding: 'utf8' },
      );
      return JSON.parse(out.stdout);
    });
    expect(written).toEqual([
      buildSendingPolicy({ fromAddress: "o'brien@example.com", accountId: '210987654321' }),
      setup,
    ]);
    expect(JSON.stringify(written)).not.toContain(SCRIPT_ACCOUNT);
  });

  it('creates the user, both policies and their attachments, prints a key, and is safe to run twice', () => {
    expect(script).toContain('aws iam create-user');
    expect(script).toContain('aws iam get-user');
    expect(script.match(/aws iam create-policy /g)).toHaveLength(2);
    expect(script.match(/create-policy-version/g)).toHaveLength(2);
    expect(script.match(/aws iam attach-user-policy/g)).toHaveLength(2);
    expect(script).toContain(`policy/"'${SENDING_POLICY_NAME}'`);
    expect(script).toContain(`policy/"'${SETUP_POLICY_NAME}'`);
    expect(script).toContain('aws iam create-access-key');
    expect(script).toContain('set -euo pipefail');
  });
});
