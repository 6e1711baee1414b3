/**
 * The loopback SES v2 peer's suppression-list calls, driven by the real SDK as AWS documents them:
 * what the app does not use itself (StartDate / EndDate, PageSize bounds) is checked here, so the peer
 * can be trusted where the app's tests lean on it.
 */
import {
  BadRequestException,
  DeleteSuppressedDestinationCommand,
  GetAccountCommand,
  GetSuppressedDestinationCommand,
  ListSuppressedDestinationsCommand,
  NotFoundException,
  PutAccountSuppressionAttributesCommand,
  PutSuppressedDestinationCommand,
  SESv2Client,
  paginateListSuppressedDestinations,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { DUMMY_ADMIN } from '../support/aws';

let peer: Sesv2AccountPeer;
let ses: SESv2Client;

beforeAll(async () => {
  peer = await startSesv2AccountPeer();
  ses = new SESv2Client({
    region: 'us-east-1',
    endpoint: peer.endpoint,
    credentials: DUMMY_ADMIN,
    maxAttempts: 1,
  });
});
afterAll(async () => {
  await peer?.stop();
});
beforeEach(() => peer.reset());

describe('the SES v2 peer’s suppression list', () => {
  it('reports and replaces the account’s suppressed reasons (GetAccount, PutAccountSuppressionAttributes)', async () => {
    expect((await ses.send(new GetAccountCommand({}))).SuppressionAttributes).toEqual({
      SuppressedReasons: ['BOUNCE', 'COMPLAINT'],
    });
    await ses.send(new PutAccountSuppressionAttributesCommand({ SuppressedReasons: ['COMPLAINT'] }));
    expect((await ses.send(new GetAccountCommand({}))).SuppressionAttributes?.SuppressedReasons).toEqual([
      'COMPLAINT',
    ]);
    await expect(
      ses.send(new PutAccountSuppressionAttributesCommand({ SuppressedReasons: ['SPAM' as 'BOUNCE'] })),
    ).rejects.toBeInstanceOf(BadRequestException);
  });

  it('filters by StartDate and EndDate, as dates the SDK serialises', async () => {
    peer.suppress('early@x.example', 'BOUNCE', { LastUpdateTime: new Date('2026-10-01T00:00:00Z') });
    peer.suppress('middle@x.example', 'BOUNCE', { LastUpdateTime: new Date('2026-11-01T00:00:00Z') });
    peer.suppress('late@x.example', 'COMPLAINT', { LastUpdateTime: new Date('2026-11-20T00:00:00Z') });
    const out = await ses.send(
      new ListSuppressedDestinationsCommand({
        StartDate: new Date('2026-10-15T00:00:00Z'),
        EndDate: new Date('2026-11-10T00:00:00Z'),
      }),
    );
    expect(out.SuppressedDestinationSummaries?.map((s) => s.EmailAddress)).toEqual(['middle@x.example']);
    expect(out.SuppressedDestinationSummaries?.[0]?.LastUpdateTime).toEqual(new Date('2026-11-01T00:00:00Z'));
    const both = await ses.send(new ListSuppressedDestinationsCommand({ Reasons: ['BOUNCE', 'COMPLAINT'] }));
    expect(both.SuppressedDestinationSummaries).toHaveLength(3);
  });

  it('pages with NextToken (the SDK’s own paginator sees every address once) and refuses a bad PageSize', async () => {
    for (let i = 0; i < 25; i++) peer.suppress(`a${String(i).padStart(2, '0')}@x.example`, 'BOUNCE');
    const seen: string[] = [];
    for await (const page of paginateListSuppressedDestinations({ client: ses, pageSize: 10 }, {}))
      seen.push(...(page.SuppressedDestinationSummaries ?? []).map((s) => s.EmailAddress!));
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    await expect(ses.send(new ListSuppressedDestinationsCommand({ PageSize: 1001 }))).rejects.toBeInstanceOf(
      BadRequestException,
    );
  });

  it('puts, gets and deletes one address, and answers NotFoundException for one not listed', async () => {
    await ses.send(
      new PutSuppressedDestinationCommand({ EmailAddress: 'one@x.example', Reason: 'COMPLAINT' }),
    );
    const got = await ses.send(new GetSuppressedDestinationCommand({ EmailAddress: 'one@x.example' }));
    expect(got.SuppressedDestination).toMatchObject({ EmailAddress: 'one@x.example', Reason: 'COMPLAINT' });
    expect(got.SuppressedDestination?.LastUpdateTime).toBeInstanceOf(Date);
    await ses.send(new DeleteSuppressedDestinationCommand({ EmailAddress: 'one@x.example' }));
    await expect(
      ses.send(new GetSuppressedDestinationCommand({ EmailAddress: 'one@x.example' })),
    ).rejects.toBeInstanceOf(NotFoundException);
    await expect(
      ses.send(new DeleteSuppressedDestinationCommand({ EmailAddress: 'one@x.example' })),
    ).rejects.toBeInstanceOf(NotFoundException);
    await expect(
      ses.send(new PutSuppressedDestinationCommand({ EmailAddress: 'not-an-address', Reason: 'BOUNCE' })),
    ).rejects.toBeInstanceOf(BadRequestException);
  });
});
