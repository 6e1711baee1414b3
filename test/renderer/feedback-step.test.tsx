import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackEventView, FeedbackStatus } from '../../electron/features/feedback/types';
import type { NotificationStatus } from '../../electron/features/notifications/notifications';
import { App } from '../../renderer/app/App';
import { useAssistant } from '../../renderer/app/store';
import { baseState, installFakeAssistant, type Answers } from './fake-assistant';

const SUPPRESSION: Answers = {
  'suppression.settings': () => ({
    ok: true,
    value: {
      region: 'us-east-1',
      suppressedReasons: [],
      missing: ['BOUNCE', 'COMPLAINT'],
      allOn: false,
      summary: 'Off.',
      readWith: 'sending-user',
    },
  }),
  'suppression.list': () => ({
    ok: true,
    value: { region: 'us-east-1', addresses: [], nextToken: null, readWith: 'sending-user' },
  }),
  'suppression.alarms': () => ({
    ok: true,
    value: {
      region: 'us-east-1',
      alarms: [],
      notifyAddress: null,
      lines: [],
      asOf: '2026-11-28',
      sources: [],
    },
  }),
};

function status(overrides: Partial<FeedbackStatus> = {}): FeedbackStatus {
  return {
    region: 'us-east-1',
    setup: null,
    knownIdentities: ['example.com'],
    manualStatement: null,
    lastCheck: null,
    counts: { bounce: 0, complaint: 0, delivery: 0, unreadable: 0 },
    refused: { count: 0, latest: null },
    retention: { days: 90, maxEvents: 50_000 },
    ...overrides,
  };
}

const SETUP: FeedbackStatus['setup'] = {
  queueUrl: 'http://q',
  queueArn: 'arn:aws:sqs:us-east-1:123456789012:ses-setup-assistant-feedback',
  accountId: '123456789012',
  identities: ['example.com'],
  deliveries: false,
  setUpAt: '2026-11-20T10:00:00Z',
  joined: [],
  policy: 'updated',
};

const BOUNCE: FeedbackEventView = {
  id: 'n1:0',
  notificationId: 'n1',
  kind: 'bounce',
  address: 'gone@example.org',
  at: '2026-11-20T09:00:05.000Z',
  receivedAt: '2026-11-20T09:01:00.000Z',
  bounceType: 'Permanent',
  bounceSubType: 'General',
  diagnostic: 'smtp; 550 5.1.1 user unknown',
  status: '5.1.1',
  message: { id: 'm1', subject: 'Your March invoice', sentAt: '2026-11-20T09:00:00.000Z' },
  meaning: {
    title: 'Bounced for good',
    explanation: 'Refused permanently.',
    action: 'Take this address off your lists.',
    stopMailing: true,
  },
};

/** The same bounces and complaints, also by email (an SNS email subscription to the sender's topic). */
function byEmail(state: NotificationStatus['state'], subState?: 'pending' | 'confirmed'): NotificationStatus {
  const topic = state === 'not-set-up' ? null : 'arn:aws:sns:us-east-1:1:ses-example-com-bounces-complaints';
  return {
    identity: 'example.com',
    region: 'us-east-1',
    bounceTopicArn: topic,
    complaintTopicArn: topic,
    subscriptions: subState ? [{ endpoint: 'postmaster@example.com', state: subState }] : [],
    state,
    advice:
      state === 'pending'
        ? 'AWS has sent an email to the address, titled “AWS Notification - Subscription Confirmation”. Open it and click “Confirm subscription”.'
        : state === 'confirmed'
          ? 'Bounces and complaints are reported to the confirmed address.'
          : 'Give an address someone reads.',
  };
}

beforeEach(() => useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false }));

function open(answers: Answers) {
  return installFakeAssistant({
    'app.state': () => ({ ok: true, value: baseState({ step: 'feedback' }) }),
    'feedback.list': () => ({ ok: true, value: { events: [], total: 0, matched: 0 } }),
    'notifications.status': () => ({ ok: true, value: byEmail('confirmed', 'confirmed') }),
    ...SUPPRESSION,
    ...answers,
  });
}

describe('the bounces and complaints screen', () => {
  it('offers the set-up, with admin access, when nothing is set up, and says how long events are kept', async () => {
    open({ 'feedback.status': () => ({ ok: true, value: status() }) });
    render(<App />);
    expect(
      await screen.findByRole('heading', { name: 'Set up bounces and complaints' }, { timeout: 5000 }),
    ).toBeTruthy();
    // The domains and the stored events arrive by their own requests: wait for each.
    expect(await screen.findByLabelText('example.com')).toHaveProperty('checked', true);
    // Without admin access the button waits.
    expect(screen.getByRole('button', { name: 'Set up bounces and complaints' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(await screen.findByText(/kept for 90 days, and at most 50,000 of them/)).toBeTruthy();
    expect(await screen.findByText('No events stored yet.')).toBeTruthy();
    // Until set up, SES emails them to the Return-Path address (feedback forwarding), not "the sender".
    const notice = screen.getByText(/^Not set up yet:/);
    expect(notice.textContent).toMatch(/Return-Path address/);
    expect(notice.textContent).not.toMatch(/sender address|14-day/);
  });

  it('once set up and empty: checks now with the sending key and says what it found', async () => {
    const invoke = open({
      'feedback.status': () => ({ ok: true, value: status({ setup: SETUP }) }),
      'feedback.check': () => ({
        ok: true,
        value: {
          at: '2026-11-20T10:00:00Z',
          received: 0,
          stored: 0,
          duplicates: 0,
          unreadable: 0,
          refused: 0,
          deferred: 0,
          complaints: 0,
        },
      }),
    });
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Check now' }, { timeout: 5000 }));
    expect(await screen.findByText(/Nothing new in the queue\./)).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('feedback.check', {});
    expect([...document.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual(['Check now']);
  });

  it('says how many messages were refused as not from Amazon, and why the latest was, in plain words', async () => {
    const reason = 'It names a topic the assistant did not subscribe the queue to.';
    open({
      'feedback.status': () => ({
        ok: true,
        value: status({
          setup: SETUP,
          refused: { count: 3, latest: { at: '2026-11-20T10:00:00Z', reason } },
        }),
      }),
      'feedback.check': () => ({
        ok: true,
        value: {
          at: '2026-11-20T10:00:00Z',
          received: 4,
          stored: 1,
          duplicates: 0,
          unreadable: 0,
          refused: 2,
          deferred: 1,
          complaints: 0,
        },
      }),
    });
    render(<App />);
    const note = await screen.findByRole('note', {}, { timeout: 5000 });
    expect(note.textContent).toBe(
      '3 messages in the queue were refused and not counted as bounces or complaints: the assistant could not confirm that Amazon sent them for your senders, and a made-up bounce would have you stop writing to a real person. ' +
        `Why the latest was refused: ${reason} They are kept aside in the app’s data folder.`,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(
      await screen.findByText(
        /1 new event stored, 2 messages refused as not from Amazon\. 1 message could not be checked yet \(Amazon’s signing certificate did not arrive\) and stays in the queue for the next check\./,
      ),
    ).toBeTruthy();
  });

  it('shows each event in plain words, filters by kind and searches', async () => {
    const invoke = open({
      'feedback.status': () => ({
        ok: true,
        value: status({ setup: SETUP, counts: { bounce: 1, complaint: 0, delivery: 0, unreadable: 2 } }),
      }),
      'feedback.list': () => ({ ok: true, value: { events: [BOUNCE], total: 1, matched: 1 } }),
    });
    render(<App />);
    const item = (await screen.findByText('gone@example.org', {}, { timeout: 5000 })).closest('li')!;
    expect(within(item).getByText(/Bounced for good\./)).toBeTruthy();
    expect(item.textContent).toContain('Permanent / General');
    expect(item.textContent).toContain('smtp; 550 5.1.1 user unknown');
    expect(item.textContent).toContain('“Your March invoice”');
    expect(screen.getByText(/2 messages could not be read and were kept aside/)).toBeTruthy();
    await userEvent.click(screen.getByLabelText('Complaints'));
    expect(invoke).toHaveBeenCalledWith('feedback.list', { kind: 'complaint', limit: 50 });
    await userEvent.type(screen.getByLabelText('Search events'), 'gone');
    expect(invoke).toHaveBeenLastCalledWith('feedback.list', { kind: 'complaint', query: 'gone', limit: 50 });
  });

  it('exports the filtered events as CSV to save or copy', async () => {
    const invoke = open({
      'feedback.status': () => ({ ok: true, value: status({ setup: SETUP }) }),
      'feedback.list': () => ({ ok: true, value: { events: [BOUNCE], total: 1, matched: 1 } }),
      'feedback.exportCsv': () => ({
        ok: true,
        value: { fileName: 'bounces-and-complaints-2026-11-20.csv', csv: 'time\r\n', rows: 1 },
      }),
    });
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Export as CSV' }, { timeout: 5000 }));
    expect(invoke).toHaveBeenCalledWith('feedback.exportCsv', {});
    expect(
      await screen.findByRole('button', { name: 'Save bounces-and-complaints-2026-11-20.csv' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy 1 row as CSV' })).toBeTruthy();
  });

  it('says plainly that the queue is gone and offers to set it up again', async () => {
    open({
      'feedback.status': () => ({
        ok: true,
        value: status({
          setup: SETUP,
          lastCheck: {
            at: '2026-11-20T10:00:00Z',
            report: null,
            error: {
              code: 'FEEDBACK_QUEUE_GONE',
              title: 'The bounce and complaint queue is gone',
              explanation: 'Deleted.',
              fix: 'Set up again.',
              retryable: false,
            },
          },
        }),
      }),
    });
    render(<App />);
    expect(
      await screen.findByText('The bounce and complaint queue is gone', {}, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Set up again' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check now' })).toBeNull();
  });

  it('shows the statement to add by hand when the assistant did not make the sending user’s policy', async () => {
    open({
      'feedback.status': () => ({
        ok: true,
        value: status({
          setup: { ...SETUP, policy: 'manual' },
          manualStatement: '{ "Sid": "ReadFeedbackQueue" }',
        }),
      }),
    });
    render(<App />);
    expect(
      (await screen.findByLabelText('Policy statement to add', {}, { timeout: 5000 })).textContent,
    ).toContain('ReadFeedbackQueue');
  });

  it('names the topics already set in SES that the queue joined, and says they keep working', async () => {
    open({
      'feedback.status': () => ({
        ok: true,
        value: status({
          setup: {
            ...SETUP,
            joined: [{ identity: 'example.com', topicName: 'shop-bounces', types: ['Bounce', 'Complaint'] }],
          },
        }),
      }),
    });
    render(<App />);
    expect(
      await screen.findByText(
        'Kept as they were: the topics already set in SES (shop-bounces for example.com). The queue listens to them too, so whatever else receives them keeps working.',
      ),
    ).toBeTruthy();
  });

  it('is the one place, under one name: also by email, set up here with admin access, never the main action', async () => {
    const invoke = open({
      'feedback.status': () => ({ ok: true, value: status({ setup: SETUP }) }),
      'notifications.status': () => ({ ok: true, value: byEmail('not-set-up') }),
      'notifications.setup': () => ({ ok: true, value: byEmail('pending', 'pending') }),
      'admin.status': () => ({
        ok: true,
        value: {
          arn: 'arn:aws:iam::1:user/admin',
          accountId: '1',
          kind: 'temporary',
          since: '2026-11-24T10:00:00Z',
        },
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    expect(
      await screen.findByRole('heading', { name: 'Also by email, for example.com' }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(await screen.findByText('Not emailed to anyone yet.')).toBeTruthy();
    await screen.findByText(/Admin access is open/);
    const button = screen.getByRole('button', { name: 'Email them to this address' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await user.type(screen.getByLabelText('Email bounces and complaints to'), 'postmaster@example.com');
    expect(button.disabled).toBe(false);
    expect(button.className).not.toContain('primary');
    await user.click(button);
    expect(await screen.findByText('Waiting for you to confirm the subscription.')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('notifications.setup', {
      identity: 'example.com',
      notifyAddress: 'postmaster@example.com',
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Bounces and complaints');
    // One name: the email part and the alarms on the rates are parts of it, not features of their own.
    expect(document.body.textContent).not.toMatch(
      /\bnotifications\b|\bwarnings?\b|bounce and complaint events/i,
    );
    expect([...document.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual(['Check now']);
  });

  it('shows a pending email subscription with what to click, and re-checks on request', async () => {
    let confirmed = false;
    const invoke = open({
      'feedback.status': () => ({ ok: true, value: status({ setup: SETUP }) }),
      'notifications.status': () => ({
        ok: true,
        value: confirmed ? byEmail('confirmed', 'confirmed') : byEmail('pending', 'pending'),
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    expect(
      await screen.findByText('Waiting for you to confirm the subscription.', {}, { timeout: 5000 }),
    ).toBeTruthy();
    expect(
      screen.getByText(/not confirmed yet — open the email from AWS and click “Confirm subscription”/),
    ).toBeTruthy();
    confirmed = true;
    await user.click(screen.getByRole('button', { name: 'I clicked the link — check again' }));
    expect(await screen.findByText('They are emailed to a confirmed address.')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('notifications.status', { identity: 'example.com' });
  });
});
