import { describe, expect, it } from 'vitest';
import { subscriptionState, topicNameFor } from '../../../electron/features/notifications/notifications';
import { SIMULATOR_ADDRESSES, simulatorOutcome } from '../../../electron/features/sending/simulator';
import { meaningOf, messageIdFromReply, testMessage } from '../../../electron/features/sending/test-send';

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
