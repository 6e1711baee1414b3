/**
 * The account-level suppression list against the loopback SES v2 peer (moto 5.2.1 has none of these
 * calls), driven through the real router and SDK: the settings and turning them on, the list page
 * by page with its reason filter, search, why an address is there, adding and removing (with the
 * confirmation), and the faults a person meets: the sending user not allowed to read the list,
 * admin keys refused, a page token SES rejects, and SES not answering at all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantError, OutputOf, Result } from '../../electron/ipc/contract';
import { PAGE_SIZE } from '../../electron/features/suppression/suppression-list';
import { freePort } from '../peers/free-port';
import { startMoto, type Moto } from '../peers/moto';
import { startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { buildTestApp, type TestApp } from '../support/assistant';
import { CreateAccessKeyCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { adminIam, createUserWithKey, type TestKey } from '../support/aws';

const REGION = 'us-east-1';
let moto: Moto;
let peer: Sesv2AccountPeer;
let app: TestApp;
let sender: TestKey;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.title}`);
  return result.value as T;
}
function failure(result: Result<unknown>): AssistantError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

beforeAll(async () => {
  [moto, peer] = await Promise.all([startMoto(), startSesv2AccountPeer()]);
});
afterAll(async () => {
  await Promise.all([moto?.stop(), peer?.stop()]);
});

async function connect(target: TestApp) {
  value(
    await target.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: sender.accessKeyId,
      secretAccessKey: sender.secretAccessKey,
      region: REGION,
    }),
  );
}

beforeEach(async () => {
  await moto.reset();
  peer.reset();
  app = await buildTestApp({ endpoint: { default: moto.endpoint, sesv2: peer.endpoint } });
  sender = await createUserWithKey(moto.endpoint, 'ses-sender');
  await connect(app);
});

async function openAdmin(target = app): Promise<TestKey> {
  const admin = await createUserWithKey(moto.endpoint, `admin-${Math.random().toString(36).slice(2, 8)}`, {
    allowAll: true,
  });
  value(
    await target.router.invoke('admin.open', {
      source: 'keys',
      accessKeyId: admin.accessKeyId,
      secretAccessKey: admin.secretAccessKey,
      region: REGION,
    }),
  );
  return admin;
}

const list = async (input: Parameters<TestApp['router']['invoke']>[1] = {}) =>
  value<OutputOf<'suppression.list'>>(await app.router.invoke('suppression.list', input as never));

describe('the account-level settings', () => {
  it('reads which reasons SES suppresses for, with the sending user', async () => {
    const settings = value<OutputOf<'suppression.settings'>>(
      await app.router.invoke('suppression.settings', {}),
    );
    expect(settings).toMatchObject({
      region: REGION,
      suppressedReasons: ['BOUNCE', 'COMPLAINT'],
      missing: [],
      allOn: true,
      readWith: 'sending-user',
    });
    expect(peer.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v2/email/account', signed: true });
  });

  it('says, before any change is offered, that AWS does not allow changing the list in the sandbox', async () => {
    const inSandbox = value<OutputOf<'suppression.settings'>>(
      await app.router.invoke('suppression.settings', {}),
    );
    expect(inSandbox.sandbox).toBe(true);
    expect(inSandbox.sandboxNote).toMatch(/sandbox in us-east-1.*production access/);
    peer.decide('GRANTED');
    const granted = value<OutputOf<'suppression.settings'>>(
      await app.router.invoke('suppression.settings', {}),
    );
    expect(granted).toMatchObject({ sandbox: false, sandboxNote: null });
  });

  it('says what is missing when only bounces are suppressed', async () => {
    peer.state.SuppressionAttributes = { SuppressedReasons: ['BOUNCE'] };
    const settings = value<OutputOf<'suppression.settings'>>(
      await app.router.invoke('suppression.settings', {}),
    );
    expect(settings).toMatchObject({ suppressedReasons: ['BOUNCE'], missing: ['COMPLAINT'], allOn: false });
    expect(settings.summary).toMatch(/marked your mail as spam/);
  });

  it('asks for admin access before turning suppression on, and changes nothing without it', async () => {
    peer.state.SuppressionAttributes = { SuppressedReasons: [] };
    expect(failure(await app.router.invoke('suppression.turnOn', {})).code).toBe('ADMIN_NEEDED');
    expect(peer.suppressionRequests).toHaveLength(0);
    expect(peer.state.SuppressionAttributes.SuppressedReasons).toEqual([]);
  });

  it('turns on both reasons with one click, keeping what was on', async () => {
    peer.state.SuppressionAttributes = { SuppressedReasons: ['COMPLAINT'] };
    await openAdmin();
    const settings = value<OutputOf<'suppression.settings'>>(
      await app.router.invoke('suppression.turnOn', {}),
    );
    expect(settings).toMatchObject({ allOn: true, readWith: 'admin' });
    expect(peer.state.SuppressionAttributes.SuppressedReasons).toEqual(['BOUNCE', 'COMPLAINT']);
    expect(peer.suppressionRequests).toEqual([
      expect.objectContaining({ method: 'PUT', path: '/v2/email/account/suppression' }),
    ]);
  });

  it('makes no call to change settings that are already on', async () => {
    await openAdmin();
    value(await app.router.invoke('suppression.turnOn', {}));
    expect(peer.suppressionRequests).toHaveLength(0);
  });
});

describe('the list of suppressed addresses', () => {
  beforeEach(async () => {
    await openAdmin();
  });

  it('pages through the list with SES’s NextToken until the last page', async () => {
    for (let i = 0; i < 120; i++)
      peer.suppress(`user${String(i).padStart(3, '0')}@shop.example`, i % 3 === 0 ? 'COMPLAINT' : 'BOUNCE');
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await list(token ? { nextToken: token } : {});
      seen.push(...page.addresses.map((a) => a.address));
      token = page.nextToken ?? undefined;
      pages++;
    } while (token);
    expect(pages).toBe(Math.ceil(120 / PAGE_SIZE));
    expect(new Set(seen).size).toBe(120);
    expect(peer.suppressionRequests.every((r) => r.query.get('PageSize') === String(PAGE_SIZE))).toBe(true);
  });

  it('filters by reason on SES’s side and says why each address is there', async () => {
    peer.suppress('gone@shop.example', 'BOUNCE');
    peer.suppress('angry@shop.example', 'COMPLAINT', { LastUpdateTime: new Date('2026-11-20T10:00:00Z') });
    const page = await list({ reasons: ['COMPLAINT'] });
    expect(page.addresses).toEqual([
      {
        address: 'angry@shop.example',
        reason: 'COMPLAINT',
        lastUpdate: '2026-11-20T10:00:00.000Z',
        why: expect.stringMatching(/marked a message from you as spam/),
      },
    ]);
    expect(peer.suppressionRequests.at(-1)!.query.getAll('Reason')).toEqual(['COMPLAINT']);
  });

  it('searches by part of an address across pages, and looks up a whole address exactly', async () => {
    for (let i = 0; i < 30; i++) peer.suppress(`buyer${i}@market.example`, 'BOUNCE');
    peer.suppress('jo@pottery.example', 'COMPLAINT');
    const partial = await list({ query: 'POTTERY' });
    expect(partial.addresses.map((a) => a.address)).toEqual(['jo@pottery.example']);
    expect(partial.searched).toEqual({ looked: 31, stoppedEarly: false, query: 'POTTERY' });

    const exact = await list({ query: 'buyer7@market.example' });
    expect(exact.addresses.map((a) => a.address)).toEqual(['buyer7@market.example']);
    expect(peer.suppressionRequests.at(-1)!.path).toBe(
      '/v2/email/suppression/addresses/buyer7%40market.example',
    );
    expect((await list({ query: 'nobody@market.example' })).addresses).toEqual([]);
  });

  it('shows the message and feedback ids SES kept for an address, and null for one not listed', async () => {
    peer.suppress('gone@shop.example', 'BOUNCE', {
      LastUpdateTime: new Date('2026-11-21T08:30:00Z'),
      MessageId: '0100018c-message',
      FeedbackId: '0100018c-feedback',
    });
    const detail = value<OutputOf<'suppression.detail'>>(
      await app.router.invoke('suppression.detail', { address: 'gone@shop.example' }),
    );
    expect(detail).toMatchObject({
      address: 'gone@shop.example',
      reason: 'BOUNCE',
      lastUpdate: '2026-11-21T08:30:00.000Z',
      messageId: '0100018c-message',
      feedbackId: '0100018c-feedback',
    });
    expect(detail!.removing).toMatch(/send to this address again/);
    expect(
      value(await app.router.invoke('suppression.detail', { address: 'other@shop.example' })),
    ).toBeNull();
  });

  it('adds an address, and removes it only once confirmed', async () => {
    const added = value<OutputOf<'suppression.add'>>(
      await app.router.invoke('suppression.add', {
        address: 'unsubscribed@shop.example',
        reason: 'COMPLAINT',
      }),
    );
    expect(added).toMatchObject({ address: 'unsubscribed@shop.example', reason: 'COMPLAINT' });
    expect(peer.suppressed.has('unsubscribed@shop.example')).toBe(true);

    const unconfirmed = await app.router.invoke('suppression.remove', {
      address: 'unsubscribed@shop.example',
    } as never);
    expect(failure(unconfirmed).code).toBe('INVALID_INPUT');
    expect(peer.suppressed.has('unsubscribed@shop.example')).toBe(true);

    expect(
      value(
        await app.router.invoke('suppression.remove', {
          address: 'unsubscribed@shop.example',
          confirm: true,
        }),
      ),
    ).toEqual({ removed: 'unsubscribed@shop.example' });
    expect(peer.suppressed.has('unsubscribed@shop.example')).toBe(false);
  });

  it('explains a change SES refuses in the sandbox as the sandbox, and it works once out of it', async () => {
    peer.refuseListChangesInSandbox = true;
    await openAdmin();
    const refused = failure(
      await app.router.invoke('suppression.add', { address: 'stop@shop.example', reason: 'COMPLAINT' }),
    );
    expect(refused).toMatchObject({ code: 'SUPPRESSION_IN_SANDBOX', retryable: false });
    expect(refused.explanation).toMatch(/sandbox in us-east-1/);
    expect(peer.suppressed.has('stop@shop.example')).toBe(false);

    peer.decide('GRANTED');
    expect(
      value(
        await app.router.invoke('suppression.add', { address: 'stop@shop.example', reason: 'COMPLAINT' }),
      ),
    ).toMatchObject({ address: 'stop@shop.example' });
  });

  it('says plainly when the address to remove is not on the list (NotFoundException)', async () => {
    const error = failure(
      await app.router.invoke('suppression.remove', { address: 'never@shop.example', confirm: true }),
    );
    expect(error).toMatchObject({ code: 'SUPPRESSION_NOT_LISTED', retryable: false });
  });

  it('reports a page token SES rejects (BadRequestException) without quoting it', async () => {
    const error = failure(await app.router.invoke('suppression.list', { nextToken: 'forged-token' }));
    expect(error.code).toBe('SUPPRESSION_BAD_REQUEST');
    expect(JSON.stringify(error)).not.toContain('forged-token');
  });
});

describe('faults', () => {
  it('explains that the sending user may not read the list, and reads it once admin access is open', async () => {
    peer.suppressionDeniedFor.add(sender.accessKeyId);
    peer.suppress('gone@shop.example', 'BOUNCE');
    const error = failure(await app.router.invoke('suppression.list', {}));
    expect(error).toMatchObject({ code: 'SUPPRESSION_READ_NEEDS_ADMIN', retryable: false });
    expect(error.fix).toMatch(/admin access/);

    await openAdmin();
    const page = await list();
    expect(page).toMatchObject({ readWith: 'admin', addresses: [{ address: 'gone@shop.example' }] });
  });

  it('says the admin keys were refused when AWS denies a change, and changes nothing', async () => {
    const admin = await openAdmin();
    peer.suppressionDeniedFor.add(admin.accessKeyId);
    peer.state.SuppressionAttributes = { SuppressedReasons: [] };
    // GetAccount is not a suppression call, so it is allowed; the PUT is refused.
    const error = failure(await app.router.invoke('suppression.turnOn', {}));
    expect(error.code).toBe('SUPPRESSION_ADMIN_DENIED');
    expect(peer.state.SuppressionAttributes.SuppressedReasons).toEqual([]);
  });

  it('changes nothing with admin keys of another AWS account, and reads with the sending user meanwhile', async () => {
    // moto keeps one backend per account: a user made with this header lives in account 222222222222.
    const iamB = adminIam(moto.endpoint);
    iamB.middlewareStack.add(
      (next) => (args) => {
        (args.request as { headers: Record<string, string> }).headers['x-moto-account-id'] = '222222222222';
        return next(args);
      },
      { step: 'build', name: 'motoAccountB' },
    );
    await iamB.send(new CreateUserCommand({ UserName: 'admin-b' }));
    const keyB = (await iamB.send(new CreateAccessKeyCommand({ UserName: 'admin-b' }))).AccessKey!;
    value(
      await app.router.invoke('admin.open', {
        source: 'keys',
        accessKeyId: keyB.AccessKeyId!,
        secretAccessKey: keyB.SecretAccessKey!,
        region: REGION,
      }),
    );
    peer.state.SuppressionAttributes = { SuppressedReasons: [] };
    const error = failure(await app.router.invoke('suppression.turnOn', {}));
    expect(error).toMatchObject({ code: 'OTHER_ACCOUNT', retryable: false });
    expect(error.explanation).toContain('222222222222');
    expect(peer.suppressionRequests).toHaveLength(0);
    const settings = value<OutputOf<'suppression.settings'>>(
      await app.router.invoke('suppression.settings', {}),
    );
    expect(settings.readWith).toBe('sending-user');
  });

  it('ends in a plain, retryable error when SES does not answer at all', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const down = await buildTestApp({ endpoint: { default: moto.endpoint, sesv2: closed } });
    await connect(down);
    const error = failure(await down.router.invoke('suppression.list', {}));
    expect(error.retryable).toBe(true);
    expect(error.code).not.toBe('UNEXPECTED');
    const settings = failure(await down.router.invoke('suppression.settings', {}));
    expect(settings.retryable).toBe(true);
  });
});
