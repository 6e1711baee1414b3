import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { AwsClients } from '../../../electron/core/aws-clients';
import { cloudShellScript } from '../../../electron/features/sending-user/cloudshell';
import { testConnection } from '../../../electron/features/connection/connection';
import { buildSendingPolicy } from '../../../electron/features/sending-user/policy';

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
  const script = cloudShellScript({
    userName: 'ses-setup-assistant-sender',
    policyName: 'SesSetupAssistantSending',
    policy: buildSendingPolicy({ fromAddress: "o'brien@example.com" }),
  });

  it('is valid bash', () => {
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('writes exactly the built policy, even with quotes in it', () => {
    // Run only the line that writes the policy file, to a temporary file, and read it back.
    const line = script.split('\n').find((l) => l.startsWith("printf '%s'"))!;
    const out = spawnSync(
      'bash',
      ['-c', `POLICY_FILE=$(mktemp); ${line}; cat "$POLICY_FILE"; rm -f "$POLICY_FILE"`],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out.stdout)).toEqual(buildSendingPolicy({ fromAddress: "o'brien@example.com" }));
  });

  it('creates the user, the policy, the attachment and prints a key, and is safe to run twice', () => {
    expect(script).toContain('aws iam create-user');
    expect(script).toContain('aws iam get-user');
    expect(script).toContain('aws iam create-policy ');
    expect(script).toContain('create-policy-version');
    expect(script).toContain('aws iam attach-user-policy');
    expect(script).toContain('aws iam create-access-key');
    expect(script).toContain('set -euo pipefail');
  });
});
