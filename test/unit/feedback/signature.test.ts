/**
 * Amazon SNS signatures, checked as AWS documents them, against envelopes signed here with a
 * self-made certificate that a loopback peer serves at the SNS address the envelope names.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  snsCertificateUrl,
  stringToSign,
  verifySignature,
  type CertificateFetcher,
} from '../../../electron/features/feedback/signature';
import {
  signedEnvelope,
  snsSigner,
  startCertificatePeer,
  type CertificatePeer,
} from '../../peers/sns-certificates';

/** A minute on: the certificates are made during the run, valid from the second they are made. */
const NOW = new Date(Date.now() + 60_000);
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ses-example-com-bounces-complaints';
const CERT_URL = 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem';

let peer: CertificatePeer;
/** A fetcher of its own per test: certificates are kept per fetcher. */
let fetcher: CertificateFetcher;

beforeAll(async () => {
  peer = await startCertificatePeer();
  peer.serve(CERT_URL, snsSigner().cert);
});
afterAll(async () => {
  await peer?.stop();
});
beforeEach(() => {
  peer.asked.length = 0;
  peer.silent = false;
  fetcher = (url) => peer.fetcher(url);
});

const message = (over: Partial<Parameters<typeof signedEnvelope>[1]> = {}) => ({
  MessageId: 'c4b9f1d2-0000-4000-8000-000000000001',
  TopicArn: TOPIC,
  Message: '{"notificationType":"Bounce"}\nwith a second line',
  ...over,
});

describe('the certificate address', () => {
  it.each([
    'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem',
    'https://sns.eu-central-2.amazonaws.com/SimpleNotificationService-abc.pem',
    'https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-abc.pem',
  ])('takes %s', (address) => {
    expect(snsCertificateUrl(address)?.href).toBe(address);
  });

  it.each([
    ['plain http', 'http://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem'],
    ['another host', 'https://evil.example/SimpleNotificationService-abc.pem'],
    ['an SNS-looking name under another domain', 'https://sns.us-east-1.amazonaws.com.evil.example/c.pem'],
    ['a look-alike domain', 'https://sns.us-east-1.amazonaws.co/SimpleNotificationService-abc.pem'],
    ['another AWS service', 'https://s3.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem'],
    ['no region', 'https://sns.amazonaws.com/SimpleNotificationService-abc.pem'],
    ['a user before the host', 'https://sns.us-east-1.amazonaws.com@evil.example/c.pem'],
    ['a user on the host', 'https://x@sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem'],
    ['a port', 'https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-abc.pem'],
    ['a query', 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem?x=1'],
    ['a fragment', 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem#x'],
    ['something that is not a certificate file', 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe'],
    ['an address', '127.0.0.1'],
    ['nothing', ''],
  ])('refuses %s', (_why, address) => {
    expect(snsCertificateUrl(address)).toBeNull();
  });

  it('refuses a forged host without fetching anything', async () => {
    const forged = signedEnvelope(snsSigner(), message(), { certUrl: 'https://evil.example/cert.pem' });
    const verdict = await verifySignature(forged, fetcher, NOW);
    expect(verdict).toEqual({
      ok: false,
      lasting: true,
      reason: 'Its signing certificate is not at an Amazon SNS address.',
    });
    expect(peer.asked).toEqual([]);
  });
});

describe('the string SNS signs', () => {
  it('is each field as "name\\nvalue\\n" in AWS’s order; Subject only when present', () => {
    const base = { Type: 'Notification', MessageId: 'id', TopicArn: 't', Message: 'm', Timestamp: 'ts' };
    expect(stringToSign(base)).toBe(
      'Message\nm\nMessageId\nid\nTimestamp\nts\nTopicArn\nt\nType\nNotification\n',
    );
    expect(stringToSign({ ...base, Subject: 's' })).toBe(
      'Message\nm\nMessageId\nid\nSubject\ns\nTimestamp\nts\nTopicArn\nt\nType\nNotification\n',
    );
  });

  it('for a subscription notice, takes SubscribeURL and Token and needs them', () => {
    const base = {
      Type: 'SubscriptionConfirmation',
      MessageId: 'id',
      TopicArn: 't',
      Message: 'm',
      Timestamp: 'ts',
      SubscribeURL: 'u',
      Token: 'k',
    };
    expect(stringToSign(base)).toBe(
      'Message\nm\nMessageId\nid\nSubscribeURL\nu\nTimestamp\nts\nToken\nk\nTopicArn\nt\nType\nSubscriptionConfirmation\n',
    );
    expect(stringToSign({ ...base, Token: undefined })).toBeNull();
    expect(stringToSign({ ...base, Type: 'Open' })).toBeNull();
  });
});

describe('checking a signature', () => {
  it.each(['1', '2'] as const)(
    'takes SignatureVersion %s (SHA1withRSA, SHA256withRSA) made with the served certificate’s key',
    async (version) => {
      const signed = signedEnvelope(snsSigner(), message({ Subject: 'Amazon SES Email Event' }), { version });
      expect(await verifySignature(signed, fetcher, NOW)).toEqual({ ok: true });
      expect(peer.asked).toEqual([CERT_URL]);
    },
  );

  it('refuses a message changed after signing, whichever signed field it is', async () => {
    const signed = signedEnvelope(snsSigner(), message({ Subject: 'Amazon SES Email Event' }));
    for (const change of [
      { Message: signed.Message!.replace('Bounce', 'Complaint') },
      { MessageId: 'c4b9f1d2-0000-4000-8000-000000000002' },
      { TopicArn: `${TOPIC}-2` },
      { Timestamp: '2026-11-20T09:00:07.000Z' },
      { Subject: 'Other' },
      { Subject: undefined },
      { Type: 'SubscriptionConfirmation', SubscribeURL: 'u', Token: 'k' },
    ])
      expect(
        await verifySignature({ ...signed, ...change }, fetcher, NOW),
        JSON.stringify(change),
      ).toMatchObject({
        ok: false,
        lasting: true,
      });
  });

  it('refuses a signature made with another key than the certificate’s', async () => {
    const forged = signedEnvelope(snsSigner('forger'), message(), { certUrl: CERT_URL });
    expect(await verifySignature(forged, fetcher, NOW)).toEqual({
      ok: false,
      lasting: true,
      reason: 'Its signature does not match Amazon SNS’s certificate.',
    });
  });

  it('refuses a message with no signature, or an unknown signature version', async () => {
    const signed = signedEnvelope(snsSigner(), message());
    for (const change of [
      { Signature: undefined },
      { SignatureVersion: '3' },
      { SignatureVersion: undefined },
    ])
      expect(await verifySignature({ ...signed, ...change }, fetcher, NOW)).toEqual({
        ok: false,
        lasting: true,
        reason: 'It carries no Amazon SNS signature the assistant can check.',
      });
    expect(peer.asked).toEqual([]);
  });

  it('fetches a certificate once and keeps it for the next messages', async () => {
    for (let i = 0; i < 5; i++) {
      const signed = signedEnvelope(snsSigner(), message({ MessageId: `id-${i}` }));
      expect(await verifySignature(signed, fetcher, NOW)).toEqual({ ok: true });
    }
    expect(peer.asked).toEqual([CERT_URL]);
  });

  it('refuses when SNS has no certificate at that address; leaves it for later when nothing answers', async () => {
    const missing = 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-missing.pem';
    const absent = signedEnvelope(snsSigner(), message(), { certUrl: missing });
    expect(await verifySignature(absent, fetcher, NOW)).toMatchObject({ ok: false, lasting: true });
    peer.silent = true;
    const signed = signedEnvelope(snsSigner(), message());
    expect(await verifySignature(signed, fetcher, NOW)).toMatchObject({ ok: false, lasting: false });
    // Once the peer answers again, the same message checks out: nothing was kept from the failure.
    peer.silent = false;
    expect(await verifySignature(signed, fetcher, NOW)).toEqual({ ok: true });
  });

  it('refuses a certificate outside its validity dates', async () => {
    const signed = signedEnvelope(snsSigner(), message());
    const later = new Date(NOW.getTime() + 5 * 86_400_000);
    expect(await verifySignature(signed, fetcher, later)).toEqual({
      ok: false,
      lasting: true,
      reason: 'Its signing certificate is not valid today.',
    });
  });

  it('refuses what is served when it is not a certificate', async () => {
    const junk = 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-junk.pem';
    peer.serve(junk, 'hello');
    const signed = signedEnvelope(snsSigner(), message(), { certUrl: junk });
    expect(await verifySignature(signed, fetcher, NOW)).toMatchObject({ ok: false, lasting: true });
  });
});
