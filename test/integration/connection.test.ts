import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionReport } from '../../electron/ipc/contract';
import { startMoto, type Moto } from '../peers/moto';
import { createUserWithKey } from '../support/aws';
import { buildTestApp } from '../support/assistant';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});
beforeEach(async () => {
  await moto.enforceAuth(false);
  await moto.reset();
});

describe('connecting with pasted keys (moto)', () => {
  it('reports who the key belongs to, the quota and the sandbox, and keeps the key only in the secret store', async () => {
    const key = await createUserWithKey(moto.endpoint, 'ses-sender');
    const app = await buildTestApp({ endpoint: moto.endpoint });

    const result = await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      region: 'us-east-1',
    });

    expect(result.ok).toBe(true);
    const report = (result as { value: ConnectionReport }).value;
    expect(report.userName).toBe('ses-sender');
    expect(report.profile.arn).toMatch(/:user\/ses-sender$/);
    expect(report.profile.accessKeyIdMasked).toBe(
      `${key.accessKeyId.slice(0, 4)}…${key.accessKeyId.slice(-4)}`,
    );
    expect(report.quota.max24HourSend).toBe(200);
    expect(report.sandbox).toBe(true);
    expect(JSON.stringify(result)).not.toContain(key.secretAccessKey);

    const stored = await app.secretStore.get(`${report.profile.id}:aws-keys`);
    expect(JSON.parse(stored!).secretAccessKey).toBe(key.secretAccessKey);
    const settingsText = await readFile(app.settings.file, 'utf8');
    expect(settingsText).not.toContain(key.secretAccessKey);
    expect(JSON.parse(settingsText).step).toBe('connected');
  });

  it('tests a saved connection again with the key from the secret store', async () => {
    const key = await createUserWithKey(moto.endpoint, 'again');
    const app = await buildTestApp({ endpoint: moto.endpoint });
    const first = await app.router.invoke('connection.connect', {
      source: 'keys',
      ...pick(key),
      region: 'eu-west-1',
    });
    const id = (first as { value: ConnectionReport }).value.profile.id;
    const again = await app.router.invoke('connection.test', { profileId: id });
    expect(again).toMatchObject({ ok: true, value: { userName: 'again', profile: { region: 'eu-west-1' } } });
  });
});

describe('connecting with IAM enforcement on', () => {
  it('refuses a wrong secret in plain words and stores nothing', async () => {
    const key = await createUserWithKey(moto.endpoint, 'real-user', { allowAll: true });
    await moto.enforceAuth(true);
    const app = await buildTestApp({ endpoint: moto.endpoint });
    const wrongSecret = key.secretAccessKey.slice(0, 39) + (key.secretAccessKey.endsWith('A') ? 'B' : 'A');

    const result = await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: key.accessKeyId,
      secretAccessKey: wrongSecret,
      region: 'us-east-1',
    });

    expect(result).toMatchObject({ ok: false, error: { code: 'AWS_WRONG_SECRET', retryable: false } });
    expect(JSON.stringify(result)).not.toContain(wrongSecret);
    expect(app.settings.get().profiles).toHaveLength(0);
  });

  it('says when AWS does not know the access key at all', async () => {
    await createUserWithKey(moto.endpoint, 'someone', { allowAll: true });
    await moto.enforceAuth(true);
    const app = await buildTestApp({ endpoint: moto.endpoint });
    const result = await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: 'AKIAZZZZZZZZZZZZZZZZ',
      secretAccessKey: 'x'.repeat(40),
      region: 'us-east-1',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'AWS_UNKNOWN_KEY' } });
  });

  it('names the missing permission when the user may not read the sending quota', async () => {
    const key = await createUserWithKey(moto.endpoint, 'no-ses'); // no policy at all
    await moto.enforceAuth(true);
    const app = await buildTestApp({ endpoint: moto.endpoint });
    const result = await app.router.invoke('connection.connect', {
      source: 'keys',
      ...pick(key),
      region: 'us-east-1',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'AWS_ACCESS_DENIED' } });
    if (!result.ok) expect(result.error.explanation).toContain('GetSendQuota');
  });
});

describe('connecting with an AWS profile', () => {
  it('lists the profiles in ~/.aws and connects through one without storing its keys', async () => {
    const key = await createUserWithKey(moto.endpoint, 'cli-user');
    const app = await buildTestApp({ endpoint: moto.endpoint });
    await mkdir(path.join(app.home, '.aws'));
    await writeFile(
      path.join(app.home, '.aws', 'credentials'),
      `[work]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`,
    );
    await writeFile(
      path.join(app.home, '.aws', 'config'),
      `[profile work]\nregion = eu-west-1\n[profile sso-dev]\nsso_session = corp\n`,
    );

    const list = await app.router.invoke('awsProfiles.list', {});
    expect(list).toEqual({
      ok: true,
      value: [
        { name: 'sso-dev', kind: 'sso', region: undefined },
        { name: 'work', kind: 'keys', region: 'eu-west-1' },
      ],
    });

    const result = await app.router.invoke('connection.connect', {
      source: 'profile',
      profileName: 'work',
      region: 'us-east-1',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { userName: 'cli-user', profile: { credentialKind: 'aws-profile' } },
    });
    const id = (result as { value: ConnectionReport }).value.profile.id;
    expect(await app.secretStore.get(`${id}:aws-keys`)).toBeNull();
  });

  it('explains a profile that does not exist', async () => {
    const app = await buildTestApp({ endpoint: moto.endpoint });
    const result = await app.router.invoke('connection.connect', {
      source: 'profile',
      profileName: 'nope',
      region: 'us-east-1',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'AWS_PROFILE_UNUSABLE' } });
  });
});

function pick(key: { accessKeyId: string; secretAccessKey: string }) {
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}
