import { describe, expect, it, vi } from 'vitest';
import type { AwsClients } from '../../../electron/core/aws-clients';
import { subscriptionState, topicNameFor } from '../../../electron/features/notifications/notifications';
import { SIMULATOR_ADDRESSES, simulatorOutcome } from '../../../electron/features/sending/simulator';
import {
  listSenders,
  meaningOf,
  messageIdFromReply,
  testMessage,
} from '../../../electron/features/sending/test-send';

describe('the mailbox simulator', () => {
  it('recognises each address, case and +label included, and nothing else', () => {
    for (const sim of SIMULATOR_ADDRESSES) expect(simulatorOutcome(sim.address)?.outcome).toBe(sim.outcome);
    expect(simulatorOutcome('Bounce+shop@Simulator.AmazonSES.com')?.outcome).toBe('bounce');
    expect(simulatorOutcome('bounce@example.com')).toBeNull();
    expect(simulatorOutcome('nobody@simulator.amazonses.com')).toBeNull();
  });

  it('says what a send to an ordinary address means, in and out of the sandbox', () => {
    expect(meaningOf('me@example.org', true)).toMatch(/sandbox/);
    expect(meaningOf('me@example.org', false)).not.toMatch(/sandbox/);
    expect(meaningOf('ooto@simulator.amazonses.com', true)).toBe(SIMULATOR_ADDRESSES[3]!.meaning);
  });
});

describe('the test message', () => {
  it('has a default subject, a text and an HTML part naming the route and region', () => {
    const m = testMessage({ from: 'a@example.com', to: 'b@example.org' }, 'eu-west-1', 'smtp', new Date(0));
    expect(m.subject).toBe('Test message from the SES Setup Assistant');
    expect(m.text).toContain('SMTP interface in the eu-west-1 region');
    expect(m.html).toContain('<strong>eu-west-1</strong>');
    expect(testMessage({ from: 'a', to: 'b', subject: '  Hi  ' }, 'x', 'api', new Date(0)).subject).toBe(
      'Hi',
    );
  });

  it('takes the MessageId from SES’s "250 Ok <id>" reply, else from the Message-ID header', () => {
    expect(messageIdFromReply('250 Ok 0100018c1a2b3c4d-aaaa-bbbb-000000', '<x@y>')).toBe(
      '0100018c1a2b3c4d-aaaa-bbbb-000000',
    );
    expect(messageIdFromReply('250 OK: message queued', '<abc@example.com>')).toBe('abc@example.com');
  });
});

describe('bounce notification pieces', () => {
  it('names one topic per identity with the characters SNS allows', () => {
    expect(topicNameFor('hello@example.com')).toBe('ses-hello-example-com-bounces-complaints');
    expect(topicNameFor('example.com')).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
  });

  it('tells pending from confirmed subscriptions', () => {
    expect(subscriptionState('PendingConfirmation')).toBe('pending');
    expect(subscriptionState('arn:aws:sns:us-east-1:1:t:1', 'true')).toBe('pending');
    expect(subscriptionState('arn:aws:sns:us-east-1:1:t:1')).toBe('confirmed');
  });
});

describe('the list of senders', () => {
  /** A fake SES that pages ListIdentities by 100 whatever MaxItems says, and notes when each call came. */
  function fakeSes(count: number) {
    const held = Array.from({ length: count }, (_, i) => `s${i}@shop.example`);
    const calls: { name: string; at: number }[] = [];
    const ses = {
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        const name = command.constructor.name.replace(/Command$/, '');
        calls.push({ name, at: Date.now() });
        if (name === 'ListIdentities') {
          const from = Number(command.input.NextToken ?? 0);
          const next = from + 100 < held.length ? String(from + 100) : undefined;
          return { Identities: held.slice(from, from + 100), NextToken: next };
        }
        const ids = command.input.Identities as string[];
        return {
          VerificationAttributes: Object.fromEntries(
            ids.map((id) => [id, { VerificationStatus: 'Success' }]),
          ),
        };
      },
    };
    return { clients: { region: 'us-east-1', ses: async () => ses } as unknown as AwsClients, calls };
  }

  it('keeps SES’s one call a second for each operation while it pages and checks identities', async () => {
    vi.useFakeTimers();
    try {
      const { clients, calls } = fakeSes(250);
      let done = false;
      const listing = listSenders(clients).finally(() => (done = true));
      // The clock moves only as the listing waits: half a second at a time until it is done.
      while (!done) await vi.advanceTimersByTimeAsync(500);
      const senders = await listing;
      expect(senders).toHaveLength(250);
      for (const name of ['ListIdentities', 'GetIdentityVerificationAttributes']) {
        const times = calls.filter((c) => c.name === name).map((c) => c.at);
        expect(times).toHaveLength(3);
        for (let i = 1; i < times.length; i++)
          expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1_000);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
