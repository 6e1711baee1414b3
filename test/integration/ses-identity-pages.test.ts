/**
 * Every page of SES's identity list, read with the real SDK from a loopback peer that answers
 * ListIdentities in the XML body the SES API reference documents, with MaxItems and NextToken as
 * SES pages them (moto returns one page, whatever MaxItems says). A list cut short would let the
 * ledger claim a person's own domain as made by the assistant.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../electron/core/aws-clients';
import { AssistantFailure } from '../../electron/core/errors';
import { identityNames } from '../../electron/core/ses-identities';

/** The account's identities, and how the next page token is made (`stuck`: always the same one). */
const held = Array.from({ length: 2_500 }, (_, i) => `d${String(i).padStart(4, '0')}.example`);
let stuck = false;
const asked: { maxItems: number; token: string | null }[] = [];
let server: http.Server;
let endpoint: string;

function page(params: URLSearchParams): string {
  const maxItems = Number(params.get('MaxItems') ?? 100);
  const token = params.get('NextToken');
  asked.push({ maxItems, token });
  const from = stuck ? 0 : Number(token ?? 0);
  const members = held.slice(from, from + maxItems);
  const next = stuck ? 'again' : from + maxItems < held.length ? String(from + maxItems) : null;
  return (
    '<ListIdentitiesResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><ListIdentitiesResult>' +
    `<Identities>${members.map((m) => `<member>${m}</member>`).join('')}</Identities>` +
    (next ? `<NextToken>${next}</NextToken>` : '') +
    '</ListIdentitiesResult><ResponseMetadata><RequestId>pages</RequestId></ResponseMetadata>' +
    '</ListIdentitiesResponse>'
  );
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      if (params.get('Action') !== 'ListIdentities') return res.writeHead(400).end();
      res.writeHead(200, { 'content-type': 'text/xml' }).end(page(params));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const clients = () =>
  createAwsClients({
    region: 'us-east-1',
    credentials: { kind: 'keys', accessKeyId: 'AKIAPAGESPAGESPAGES1', secretAccessKey: 'x'.repeat(40) },
    endpoints: { default: endpoint },
    maxAttempts: 1,
  });

describe('the identity list SES holds in a region', () => {
  it('reads every page, 1,000 at a time, past the first thousand', async () => {
    asked.length = 0;
    stuck = false;
    // No pause between pages here: SES's one call a second is not this peer's.
    const names = await identityNames(clients(), 0);
    expect(names).toEqual(held);
    expect(names).toContain('d2499.example');
    expect(asked).toEqual([
      { maxItems: 1000, token: null },
      { maxItems: 1000, token: '1000' },
      { maxItems: 1000, token: '2000' },
    ]);
  });

  it('fails in words when SES hands back a page token it gave before, rather than ask forever or answer short', async () => {
    asked.length = 0;
    stuck = true;
    const failure = await identityNames(clients(), 0).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AssistantFailure);
    expect((failure as AssistantFailure).assistantError).toMatchObject({
      code: 'SES_IDENTITY_LIST_LOOPS',
      retryable: true,
    });
    expect(asked.map((a) => a.token)).toEqual([null, 'again']);
  });

  it('waits between pages, as SES allows one ListIdentities call a second', async () => {
    asked.length = 0;
    stuck = false;
    const started = performance.now();
    await identityNames(clients(), 150);
    // Three pages, two pauses.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(asked).toHaveLength(3);
  });
});
