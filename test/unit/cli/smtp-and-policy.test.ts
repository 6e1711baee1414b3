import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildSendingPolicy, buildSetupPolicy } from '../../../electron/features/sending-user/policy';
import { pythonSmtpPasswords } from '../../support/smtp-python';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `ses-assistant` bin, as a person would. */
function cli(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ses-assistant.mjs', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('ses-assistant smtp-password', () => {
  it('prints the password for the secret on stdin, and only that', async () => {
    const run = await cli(['smtp-password', '--region', 'us-east-1'], `${SECRET}\n`);
    expect(run).toMatchObject({
      code: 0,
      stdout: 'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9\n',
      stderr: '',
    });
  }, 20_000);

  it('removes invisible characters that came with a copy, as every form does', async () => {
    const pasted = `\u00a0${SECRET.slice(0, 10)}\u200b${SECRET.slice(10)}\ufeff\n`;
    const run = await cli(['smtp-password', '--region', 'us-east-1'], pasted);
    expect(run).toMatchObject({ code: 0, stdout: 'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9\n' });
  }, 20_000);

  it('agrees with Python for another region (with --region=… form)', async () => {
    const secret = 'Zx9+Qw8/Rt7Yu6Io5Pa4Sd3Fg2Hj1Kl0MnBvCxZa';
    const [expected] = pythonSmtpPasswords([{ secret, region: 'eu-central-1' }]);
    const run = await cli(['smtp-password', '--region=eu-central-1'], secret);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${expected}\n`);
  }, 20_000);

  it('exits 1 with a clear message on an empty secret', async () => {
    const run = await cli(['smtp-password', '--region', 'us-east-1'], '\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/no secret access key on standard input/);
  }, 20_000);

  it('exits 1 on a malformed secret without echoing it', async () => {
    const bad = 'not-a-secret-key-but-a-password!';
    const run = await cli(['smtp-password', '--region', 'us-east-1'], bad);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/secret/);
    expect(run.stderr).not.toContain(bad);
    const smtpPassword = await cli(
      ['smtp-password', '--region', 'us-east-1'],
      'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9',
    );
    expect(smtpPassword.code).toBe(1);
    expect(smtpPassword.stderr).toMatch(/SMTP password, not a secret access key/);
  }, 20_000);

  it('exits 1 on a malformed region', async () => {
    const run = await cli(['smtp-password', '--region', 'Virginia'], SECRET);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/us-east-1/);
    expect(run.stdout).toBe('');
  }, 20_000);

  it('exits 2 on bad usage: no region, an unknown flag, or the secret given as an argument', async () => {
    for (const args of [
      ['smtp-password'],
      ['smtp-password', '--region', 'us-east-1', '--secret', SECRET],
      ['smtp-password', '--region', 'us-east-1', SECRET],
    ]) {
      const run = await cli(args, SECRET);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/Usage:/);
      expect(run.stderr).not.toContain(SECRET);
    }
  }, 30_000);
});

describe('ses-assistant policy', () => {
  it('prints the builder’s sending policy as 2-space indented JSON, without self-rotation', async () => {
    const run = await cli(['policy']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(buildSendingPolicy(), null, 2)}\n`);
    expect(run.stdout).not.toContain('iam:CreateAccessKey');
    expect(run.stdout).not.toContain('ses:VerifyDomainIdentity');
  }, 20_000);

  it('restricts sending to one From address; --no-self-rotation is still accepted', async () => {
    const run = await cli(['policy', '--from-address', 'noreply@example.com', '--no-self-rotation']);
    expect(run.code).toBe(0);
    const policy = JSON.parse(run.stdout);
    expect(policy).toEqual(buildSendingPolicy({ fromAddress: 'noreply@example.com', selfRotation: false }));
    expect(run.stdout).toContain('"ses:FromAddress": "noreply@example.com"');
    expect(run.stdout).not.toContain('iam:CreateAccessKey');
  }, 20_000);

  it('adds self-rotation on request and scopes sending to one account’s identities', async () => {
    const run = await cli(['policy', '--self-rotation', '--account', '123456789012']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      buildSendingPolicy({ selfRotation: true, accountId: '123456789012' }),
    );
    expect(run.stdout).toContain('"arn:aws:ses:*:123456789012:identity/*"');
    expect(run.stdout).toContain('"arn:aws:ses:*:123456789012:configuration-set/*"');
    expect(run.stdout).toContain('iam:CreateAccessKey');
  }, 20_000);

  it('prints the setup policy with --setup', async () => {
    const run = await cli(['policy', '--setup']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(buildSetupPolicy(), null, 2)}\n`);
  }, 20_000);

  it('exits 1 on an address or account that is not one, and 2 on unknown or clashing options', async () => {
    const bad = await cli(['policy', '--from-address', 'not an address']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/email address/);
    const account = await cli(['policy', '--account', '12345', '--json']);
    expect(account.code).toBe(1);
    expect(JSON.parse(account.stderr)).toMatchObject({ error: { code: 'ACCOUNT_INVALID' } });
    const unknown = await cli(['policy', '--everything']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --everything/);
    expect((await cli(['policy', '--self-rotation', '--no-self-rotation'])).code).toBe(2);
    expect((await cli(['policy', '--setup', '--self-rotation'])).code).toBe(2);
  }, 30_000);
});
