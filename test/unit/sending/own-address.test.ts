/**
 * Where the person's own address stands, for each rule SES applies (what moto cannot show: an
 * account out of the sandbox, an expired link, a quota that cannot be read).
 */
import { describe, expect, it } from 'vitest';
import type { AwsClients } from '../../../electron/core/aws-clients';
import { ownAddressState } from '../../../electron/features/sending/own-address';

const ADDRESS = 'me@mail.example';

/** A fake SES: its quota (null: the read is refused), each identity's status, and the calls made. */
function fakeSes(quota: { max: number; rate: number } | null, statuses: Record<string, string>) {
  const calls: string[] = [];
  const ses = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name.replace(/Command$/, '');
      calls.push(name);
      if (name === 'GetSendQuota') {
        if (!quota) throw Object.assign(new Error('denied'), { name: 'AccessDenied' });
        return { Max24HourSend: quota.max, MaxSendRate: quota.rate, SentLast24Hours: 0 };
      }
      if (name === 'VerifyEmailIdentity') {
        statuses[command.input.EmailAddress as string] = 'Pending';
        return {};
      }
      const ids = command.input.Identities as string[];
      return {
        VerificationAttributes: Object.fromEntries(
          ids.filter((id) => statuses[id]).map((id) => [id, { VerificationStatus: statuses[id] }]),
        ),
      };
    },
  };
  return { clients: { region: 'us-east-1', ses: async () => ses } as unknown as AwsClients, calls };
}

const SANDBOX = { max: 200, rate: 1 };
const PRODUCTION = { max: 50_000, rate: 14 };

describe('a test to your own address: what SES needs first', () => {
  it('needs nothing once the account is out of the sandbox, and mails no link', async () => {
    const { clients, calls } = fakeSes(PRODUCTION, {});
    expect(await ownAddressState(clients, ADDRESS, { sendLink: true })).toEqual({
      address: ADDRESS,
      ready: true,
      reason: 'out-of-sandbox',
      linkSent: false,
    });
    expect(calls).not.toContain('VerifyEmailIdentity');
  });

  it('in the sandbox, needs nothing at a verified domain or for a verified address', async () => {
    const domain = fakeSes(SANDBOX, { 'mail.example': 'Success' });
    expect(await ownAddressState(domain.clients, ADDRESS, { sendLink: true })).toMatchObject({
      ready: true,
      reason: 'domain-verified',
    });
    const address = fakeSes(SANDBOX, { [ADDRESS]: 'Success', 'mail.example': 'Pending' });
    expect(await ownAddressState(address.clients, ADDRESS, { sendLink: true })).toMatchObject({
      ready: true,
      reason: 'address-verified',
    });
    expect([...domain.calls, ...address.calls]).not.toContain('VerifyEmailIdentity');
  });

  it('counts an unreadable quota as the sandbox, so the address is verified rather than refused', async () => {
    const { clients, calls } = fakeSes(null, {});
    expect(await ownAddressState(clients, ADDRESS, { sendLink: true })).toMatchObject({
      ready: false,
      reason: 'waiting-for-link',
      linkSent: true,
    });
    expect(calls.filter((c) => c === 'VerifyEmailIdentity')).toHaveLength(1);
  });

  it('says a link has expired when SES gave up on it, and a status read never mails a new one', async () => {
    const { clients, calls } = fakeSes(SANDBOX, { [ADDRESS]: 'Failed' });
    expect(await ownAddressState(clients, ADDRESS, { sendLink: false })).toMatchObject({
      ready: false,
      reason: 'link-expired',
      linkSent: false,
    });
    expect(calls).not.toContain('VerifyEmailIdentity');
  });
});
