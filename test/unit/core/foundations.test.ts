import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAwsProfiles } from '../../../electron/core/aws-profiles';
import { looksSandboxed, nameFromArn } from '../../../electron/features/connection/connection';
import { endpointsFromEnvironment } from '../../../electron/core/endpoints';
import { redact } from '../../../electron/core/log';
import { maskKeyId } from '../../../electron/core/vault';
import { isAllowedExternalUrl, isAppUrl } from '../../../electron/platform/origin';

describe('small pieces', () => {
  it('masks an access key id to its first and last four characters', () => {
    expect(maskKeyId('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…MPLE');
    expect(maskKeyId('short')).toBe('••••');
  });

  it('redacts key ids, secrets and SMTP passwords from log lines', () => {
    const line = redact(
      'key AKIAIOSFODNN7EXAMPLE secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY smtp BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9',
    );
    expect(line).toBe('key AKIA…MPLE secret •••• smtp ••••');
  });

  it('tells the sandbox from production by the quota', () => {
    expect(looksSandboxed({ max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 0 })).toBe(true);
    expect(looksSandboxed({ max24HourSend: 50000, maxSendRate: 14, sentLast24Hours: 0 })).toBe(false);
  });

  it('names the identity behind an ARN', () => {
    expect(nameFromArn('arn:aws:iam::123456789012:user/ops/sender')).toBe('sender');
    expect(nameFromArn('arn:aws:sts::123456789012:assumed-role/Admin/jo')).toBe('Admin/jo');
    expect(nameFromArn('arn:aws:iam::123456789012:root')).toBe('root');
  });

  it('reads custom endpoints from the environment', () => {
    expect(endpointsFromEnvironment({})).toBeUndefined();
    expect(
      endpointsFromEnvironment({
        SES_ASSISTANT_AWS_ENDPOINT: 'http://127.0.0.1:5000',
        SES_ASSISTANT_SESV2_ENDPOINT: 'http://127.0.0.1:6000',
      }),
    ).toEqual({ default: 'http://127.0.0.1:5000', sesv2: 'http://127.0.0.1:6000' });
  });

  it('recognises only the app’s own origin, by parsing', () => {
    expect(isAppUrl('app://assistant/index.html')).toBe(true);
    expect(isAppUrl('app://assistant.evil.com/index.html')).toBe(false);
    expect(isAppUrl('https://assistant/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('opens only https documentation hosts externally', () => {
    expect(isAllowedExternalUrl('https://docs.aws.amazon.com/ses/latest/dg/')).toBe(true);
    expect(isAllowedExternalUrl('https://us-east-1.console.aws.amazon.com/ses/home')).toBe(true);
    expect(isAllowedExternalUrl('http://docs.aws.amazon.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://docs.aws.amazon.com.evil.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@docs.aws.amazon.com/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
  });

  it('lists AWS profiles by name and kind without reading any key', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aws-files-'));
    await writeFile(path.join(dir, 'credentials'), '[default]\naws_access_key_id=AKIA\n[bad name!]\nx=1\n');
    await writeFile(
      path.join(dir, 'config'),
      '[default]\nregion=eu-west-1\n[profile admin]\nrole_arn=arn:aws:iam::1:role/x\n',
    );
    const profiles = await listAwsProfiles({
      credentials: path.join(dir, 'credentials'),
      config: path.join(dir, 'config'),
    });
    expect(profiles).toEqual([
      { name: 'admin', kind: 'role', region: undefined },
      { name: 'default', kind: 'keys', region: 'eu-west-1' },
    ]);
    expect(JSON.stringify(profiles)).not.toContain('AKIA');
  });
});
