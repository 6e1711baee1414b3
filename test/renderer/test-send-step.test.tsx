import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssistantError, Result } from '../../electron/ipc/contract';
import type { FeedbackStatus } from '../../electron/features/feedback/types';
import type { OwnAddressState } from '../../electron/features/sending/own-address';
import { SIMULATOR_ADDRESSES } from '../../electron/features/sending/simulator';
import type { TestSendResult } from '../../electron/features/sending/test-send';
import { App } from '../../renderer/app/App';
import { useAssistant } from '../../renderer/app/store';
import { baseState, installFakeAssistant, keptDrafts, type Answers } from './fake-assistant';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
const failed = (error: AssistantError): Result<never> => ({ ok: false, error });

const senders = [
  { identity: 'example.com', kind: 'domain', status: 'Success', verified: true },
  { identity: 'me@example.org', kind: 'address', status: 'Success', verified: true },
  { identity: 'pending@example.net', kind: 'address', status: 'Pending', verified: false },
];

function feedback(overrides: Partial<FeedbackStatus> = {}): FeedbackStatus {
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

function sent(overrides: Partial<TestSendResult> = {}): TestSendResult {
  return {
    messageId: '0100018c-aaaa-bbbb-cccc-000000',
    tookMs: 412,
    via: 'api',
    from: 'test@example.com',
    to: 'success@simulator.amazonses.com',
    region: 'us-east-1',
    sentAt: '2026-11-24T10:00:00.000Z',
    simulatorOutcome: 'success',
    meaning: SIMULATOR_ADDRESSES[0]!.meaning,
    ...overrides,
  };
}

function answers(extra: Answers = {}): Answers {
  return {
    'app.state': () => ok(baseState({ step: 'test-send', activeProfileId: 'p1' })),
    'send.simulatorAddresses': () => ok(SIMULATOR_ADDRESSES.map((s) => ({ ...s }))),
    'send.senders': () => ok(senders),
    'feedback.status': () => ok(feedback()),
    'admin.status': () => ok(null),
    ...extra,
  };
}

beforeEach(() => useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false }));

const primaries = () => [...document.querySelectorAll('button.primary')].map((b) => b.textContent);

describe('the Test send step', () => {
  it('offers the verified senders and every simulator address with what it does', async () => {
    installFakeAssistant(answers());
    render(<App />);
    await screen.findByRole('heading', { name: 'Send a test message' });
    const from = (await screen.findByLabelText('From')) as HTMLSelectElement;
    await waitFor(() => expect(from.options.length).toBe(3));
    expect([...from.options].map((o) => o.textContent)).toEqual([
      'Any address at example.com',
      'me@example.org',
      'Another address…',
    ]);
    for (const sim of SIMULATOR_ADDRESSES) {
      expect(screen.getByText(sim.address)).toBeTruthy();
      expect(screen.getByText(sim.meaning)).toBeTruthy();
    }
    // The unverified identity is not offered as a sender.
    expect(screen.queryByText('pending@example.net')).toBeNull();
  });

  it('keeps the recipient typed, and every other choice, across a restart', async () => {
    const kept = keptDrafts();
    installFakeAssistant(answers(kept.answers));
    const first = render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: /^Another address/ }));
    await user.type(screen.getByLabelText('Recipient address'), 'friend@example.net');
    await user.selectOptions(screen.getByLabelText('From'), 'me@example.org');
    await user.type(screen.getByLabelText('Subject (optional)'), 'Hello there');
    await waitFor(() =>
      expect(kept.drafts.testSend).toMatchObject({
        identity: 'me@example.org',
        to: '__other__',
        otherTo: 'friend@example.net',
        subject: 'Hello there',
      }),
    );
    first.unmount();

    // The app opened again: what was chosen and typed comes back, not the first choices offered.
    render(<App />);
    const recipient = (await screen.findByLabelText('Recipient address')) as HTMLInputElement;
    expect(recipient.value).toBe('friend@example.net');
    expect((screen.getByRole('radio', { name: /^Another address/ }) as HTMLInputElement).checked).toBe(true);
    await waitFor(() =>
      expect((screen.getByLabelText('From') as HTMLSelectElement).value).toBe('me@example.org'),
    );
    expect((screen.getByLabelText('Subject (optional)') as HTMLInputElement).value).toBe('Hello there');
  });

  it('saves nothing for a form the person has not touched: the first choices are the app’s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const kept = keptDrafts();
      const invoke = installFakeAssistant(answers(kept.answers));
      render(<App />);
      await screen.findByLabelText('Address before @example.com (for example hello)');
      await waitFor(() => expect(invoke).toHaveBeenCalledWith('drafts.get', {}));
      // Well past the pause after which typing is saved.
      await act(() => vi.advanceTimersByTimeAsync(5_000));
      expect(invoke.mock.calls.filter(([c]) => c === 'drafts.save')).toEqual([]);
      expect(kept.drafts.testSend).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends over the API from an address at the verified domain and shows the MessageId and time', async () => {
    const invoke = installFakeAssistant(answers({ 'send.test': () => ok(sent()) }));
    render(<App />);
    const user = userEvent.setup();
    await screen.findByLabelText('Address before @example.com (for example hello)');
    await user.click(screen.getByRole('button', { name: 'Send test message' }));
    const panel = await screen.findByRole('status', { name: 'Delivered to AWS’s test mailbox' });
    expect(within(panel).getByText('0100018c-aaaa-bbbb-cccc-000000')).toBeTruthy();
    expect(within(panel).getByText('412 ms')).toBeTruthy();
    expect(within(panel).getByText(SIMULATOR_ADDRESSES[0]!.meaning)).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('send.test', {
      via: 'api',
      from: 'test@example.com',
      to: 'success@simulator.amazonses.com',
    });
  });

  it('sends over SMTP on the port chosen, to the simulator address chosen', async () => {
    const invoke = installFakeAssistant(
      answers({
        'send.test': () =>
          ok(
            sent({
              via: 'smtp',
              port: 465,
              tookMs: 1830,
              to: 'bounce@simulator.amazonses.com',
              simulatorOutcome: 'bounce',
              meaning: SIMULATOR_ADDRESSES[1]!.meaning,
            }),
          ),
      }),
    );
    render(<App />);
    const user = userEvent.setup();
    await screen.findByLabelText('Address before @example.com (for example hello)');
    await user.click(screen.getByLabelText(/Over SMTP/));
    await user.selectOptions(screen.getByLabelText('Port'), '465');
    await user.click(screen.getByLabelText(/Simulator: Bounce/));
    await user.click(screen.getByRole('button', { name: 'Send test message' }));
    await screen.findByText('1.8 seconds');
    expect(screen.getByText(/over SMTP \(port 465\)/)).toBeTruthy();
    // A bounce is the test working, named as such, and not shown as a green delivery.
    const panel = screen.getByRole('status', { name: 'SES accepted it — and it bounced, as expected' });
    expect(panel.className).not.toContain('good');
    expect(within(panel).getByText(/Bounces and complaints/)).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('send.test', {
      via: 'smtp',
      port: 465,
      from: 'test@example.com',
      to: 'bounce@simulator.amazonses.com',
    });
  });

  it('checks typed addresses with the router’s rule before sending', async () => {
    const invoke = installFakeAssistant(answers());
    render(<App />);
    const user = userEvent.setup();
    await screen.findByLabelText('Address before @example.com (for example hello)');
    await user.click(screen.getByLabelText(/Another address/, { selector: 'input[name="to"]' }));
    await user.type(screen.getByLabelText('Recipient address'), 'not an address');
    expect(screen.getByText('Enter an email address such as you@example.com.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send test message' }));
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('send.test');
  });

  it('explains an unverified recipient in the sandbox and offers to verify it, then sends again', async () => {
    let verified = false;
    const invoke = installFakeAssistant(
      answers({
        'send.test': () =>
          verified
            ? ok(sent({ to: 'friend@example.net', simulatorOutcome: undefined, meaning: 'SES accepted it.' }))
            : failed({
                code: 'RECIPIENT_NOT_VERIFIED',
                title: 'The recipient is not verified, and your account is in the sandbox',
                explanation:
                  'While your account is in the SES sandbox in us-east-1, it may only send to verified addresses.',
                fix: 'Verify the recipient, send to a simulator address, or ask AWS for production access.',
                retryable: false,
              }),
        'send.verifyRecipient': () => {
          verified = true;
          return ok({ address: 'friend@example.net', status: 'Success', verified: true });
        },
      }),
    );
    render(<App />);
    const user = userEvent.setup();
    await screen.findByLabelText('Address before @example.com (for example hello)');
    // Before any send, sending is the one main action.
    expect(primaries()).toEqual(['Send test message']);
    await user.click(screen.getByLabelText(/Another address/, { selector: 'input[name="to"]' }));
    await user.type(screen.getByLabelText('Recipient address'), 'friend@example.net');
    await user.click(screen.getByRole('button', { name: 'Send test message' }));
    const alert = await screen.findByRole('alert', { name: /recipient is not verified/ });
    expect(within(alert).getByText(/send to a simulator address/)).toBeTruthy();
    const verify = within(alert).getByRole('button', { name: 'Verify friend@example.net' });
    expect(verify.className).toContain('primary');
    // While the failure is shown, moving on is not the main action.
    expect(screen.getByRole('button', { name: 'Continue: leave the sandbox' }).className).not.toContain(
      'primary',
    );
    expect(primaries()).toEqual(['Verify friend@example.net']);
    await user.click(verify);
    // Once verified, the refusal is no longer true: it gives way to "verified now" and its one action.
    await screen.findByRole('status', { name: 'friend@example.net is verified now' });
    expect(screen.queryByRole('alert', { name: /recipient is not verified/ })).toBeNull();
    expect(primaries()).toEqual(['Send the test again']);
    await user.click(screen.getByRole('button', { name: 'Send the test again' }));
    await screen.findByRole('status', { name: 'SES accepted the message' });
    expect(screen.queryByRole('status', { name: /is verified now/ })).toBeNull();
    expect(primaries()).toEqual(['Continue: leave the sandbox']);
    expect(screen.getByText(/^Next: your sending works\./)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Continue: leave the sandbox' }).className).toContain(
      'primary',
    );
    expect(invoke).toHaveBeenCalledWith('send.verifyRecipient', { address: 'friend@example.net' });
    expect(invoke.mock.calls.filter((c) => c[0] === 'send.test')).toHaveLength(2);
  });

  it('says a verification email was sent when the address is still pending', async () => {
    installFakeAssistant(
      answers({
        'send.test': () =>
          failed({
            code: 'RECIPIENT_NOT_VERIFIED',
            title: 'The recipient is not verified, and your account is in the sandbox',
            explanation: 'Sandbox.',
            fix: 'Verify it.',
            retryable: false,
          }),
        'send.verifyRecipient': () =>
          ok({ address: 'friend@example.net', status: 'Pending', verified: false }),
      }),
    );
    render(<App />);
    const user = userEvent.setup();
    await screen.findByLabelText('Address before @example.com (for example hello)');
    await user.click(screen.getByLabelText(/Another address/, { selector: 'input[name="to"]' }));
    await user.type(screen.getByLabelText('Recipient address'), 'friend@example.net');
    await user.click(screen.getByRole('button', { name: 'Send test message' }));
    await user.click(await screen.findByRole('button', { name: 'Verify friend@example.net' }));
    expect(await screen.findByText(/AWS has sent a verification email to friend@example.net/)).toBeTruthy();
    // Still not verified: the refusal stays, and sending again is the one main action.
    expect(screen.getByRole('alert', { name: /recipient is not verified/ })).toBeTruthy();
    expect(primaries()).toEqual(['Send the test again']);
  });

  it('offers to verify an unverified sender, then sends again from it', async () => {
    let verified = false;
    const invoke = installFakeAssistant(
      answers({
        'send.test': () =>
          verified
            ? ok(sent({ from: 'someone@elsewhere.org' }))
            : failed({
                code: 'SENDER_NOT_VERIFIED',
                title: 'The sender address is not verified in this region',
                explanation: 'someone@elsewhere.org isn’t verified in us-east-1 yet.',
                fix: 'Verify the address: SES emails it a link to click.',
                retryable: false,
              }),
        'send.verifyRecipient': () => {
          verified = true;
          return ok({ address: 'someone@elsewhere.org', status: 'Success', verified: true });
        },
      }),
    );
    render(<App />);
    const user = userEvent.setup();
    await screen.findByLabelText('Address before @example.com (for example hello)');
    await user.selectOptions(screen.getByLabelText('From'), 'Another address…');
    await user.type(screen.getByLabelText('Sender address'), 'someone@elsewhere.org');
    await user.click(screen.getByRole('button', { name: 'Send test message' }));
    const alert = await screen.findByRole('alert', { name: /sender address is not verified/ });
    const verify = within(alert).getByRole('button', { name: 'Verify someone@elsewhere.org' });
    expect(verify.className).toContain('primary');
    expect(screen.getByRole('button', { name: 'Continue: leave the sandbox' }).className).not.toContain(
      'primary',
    );
    await user.click(verify);
    await user.click(await screen.findByRole('button', { name: 'Send the test again' }));
    await screen.findByRole('status', { name: 'Delivered to AWS’s test mailbox' });
    expect(invoke).toHaveBeenCalledWith('send.verifyRecipient', { address: 'someone@elsewhere.org' });
  });

  it('offers other keys when the SMTP password made from the kept key is refused', async () => {
    const invoke = installFakeAssistant(
      answers({
        'send.test': () =>
          failed({
            code: 'SMTP_AUTH',
            title: 'The SMTP password was not accepted',
            explanation: 'The key this app uses was switched off or deleted in your AWS account.',
            fix: 'Connect with different keys.',
            retryable: false,
          }),
        'wizard.goTo': () => ok(baseState({ step: 'test-send', activeProfileId: 'p1' })),
      }),
    );
    render(<App />);
    const user = userEvent.setup();
    await screen.findByLabelText('Address before @example.com (for example hello)');
    await user.click(screen.getByLabelText(/Over SMTP/));
    await user.click(screen.getByRole('button', { name: 'Send test message' }));
    const alert = await screen.findByRole('alert', { name: 'The SMTP password was not accepted' });
    await user.click(within(alert).getByRole('button', { name: 'Use different keys' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step: 'connect' }));
  });
});

describe('bounces and complaints on Test send', () => {
  it('is one line and a link to its own screen: no admin form, one name, one main action', async () => {
    const invoke = installFakeAssistant(
      answers({ 'wizard.goTo': () => ok(baseState({ step: 'feedback', activeProfileId: 'p1' })) }),
    );
    render(<App />);
    const user = userEvent.setup();
    const link = await screen.findByRole('button', { name: 'Open Bounces and complaints' });
    expect(link.className).not.toContain('primary');
    expect(screen.queryByRole('heading', { name: 'Admin access, for a moment' })).toBeNull();
    expect(screen.queryByLabelText('Access key ID')).toBeNull();
    expect(document.body.textContent).not.toMatch(/notification|warning/i);
    expect(primaries()).toEqual(['Send test message']);
    await user.click(link);
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step: 'feedback' }));
  });

  it('still shows no admin form when admin access is missing and nothing is set up', async () => {
    installFakeAssistant(
      answers({ 'admin.status': () => ok(null), 'feedback.status': () => ok(feedback()) }),
    );
    render(<App />);
    await screen.findByText(/set up Bounces and complaints/);
    expect(screen.queryByRole('heading', { name: 'Admin access, for a moment' })).toBeNull();
    expect(document.querySelectorAll('form').length).toBe(1);
  });
});

describe('the test to your own address', () => {
  const waiting: OwnAddressState = {
    address: 'me@mail.example',
    ready: false,
    reason: 'waiting-for-link',
    linkSent: true,
  };
  const ready: OwnAddressState = { ...waiting, ready: true, reason: 'address-verified', linkSent: false };

  async function afterSimulator(extra: Answers) {
    const invoke = installFakeAssistant(
      answers({ 'send.test': (input) => ok(sent({ to: (input as { to: string }).to })), ...extra }),
    );
    render(<App />);
    const user = userEvent.setup(
      vi.isFakeTimers() ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {},
    );
    await screen.findByLabelText('Address before @example.com (for example hello)');
    await user.click(screen.getByRole('button', { name: 'Send test message' }));
    await screen.findByRole('status', { name: 'Delivered to AWS’s test mailbox' });
    return { invoke, user };
  }

  it('says what the simulator proved, and offers one action to send to the person’s own address', async () => {
    await afterSimulator({});
    expect(screen.getByText(/What this proved:/).parentElement?.textContent).toContain(
      'your key may send from test@example.com in us-east-1',
    );
    expect(screen.getByText(/It reached no inbox you can open/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Now send one to yourself' })).toBeTruthy();
    expect(primaries()).toEqual(['Send a test to me']);
  });

  it('mails the link, waits for the click with growing pauses, then sends and says where to look', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let clicked = false;
      const { invoke, user } = await afterSimulator({
        'ownAddress.prepare': () => ok(waiting),
        'ownAddress.status': () => ok(clicked ? ready : { ...waiting, linkSent: false }),
      });
      await user.type(screen.getByLabelText('Your email address'), 'me@mail.example');
      await user.click(screen.getByRole('button', { name: 'Send a test to me' }));
      await screen.findByText(
        "We sent a confirmation link to me@mail.example; click it, we'll continue by ourselves.",
      );
      expect(screen.getByRole('button', { name: 'Send the link again' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
      expect(primaries()).toEqual(['Continue: leave the sandbox']);
      const reads = () => invoke.mock.calls.filter((c) => c[0] === 'ownAddress.status').length;
      await act(() => vi.advanceTimersByTimeAsync(3_000));
      await waitFor(() => expect(reads()).toBe(1));
      // The second pause is longer than the first: nothing is read at the first pause's length again.
      await act(() => vi.advanceTimersByTimeAsync(3_000));
      expect(reads()).toBe(1);
      clicked = true;
      await act(() => vi.advanceTimersByTimeAsync(2_000));
      await screen.findByRole('status', { name: 'Sent — look in your inbox (and spam folder)' });
      expect(invoke).toHaveBeenCalledWith('send.test', {
        via: 'api',
        from: 'test@example.com',
        to: 'me@mail.example',
      });
      expect(invoke.mock.calls.filter((c) => c[0] === 'ownAddress.prepare')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops waiting on Cancel: nothing is read or sent after it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { invoke, user } = await afterSimulator({
        'ownAddress.prepare': () => ok(waiting),
        'ownAddress.status': () => ok(ready),
      });
      await user.type(screen.getByLabelText('Your email address'), 'me@mail.example');
      await user.click(screen.getByRole('button', { name: 'Send a test to me' }));
      await user.click(await screen.findByRole('button', { name: 'Cancel' }));
      await screen.findByRole('heading', { name: 'Now send one to yourself' });
      await act(() => vi.advanceTimersByTimeAsync(120_000));
      expect(invoke.mock.calls.filter((c) => c[0] === 'ownAddress.status')).toHaveLength(0);
      expect(invoke.mock.calls.filter((c) => c[0] === 'send.test')).toHaveLength(1);
      // The address typed stays, so trying again is one click.
      expect((screen.getByLabelText('Your email address') as HTMLInputElement).value).toBe('me@mail.example');
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends the link again on request', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { invoke, user } = await afterSimulator({
        'ownAddress.prepare': () => ok(waiting),
        'ownAddress.status': () => ok({ ...waiting, linkSent: false }),
      });
      await user.type(screen.getByLabelText('Your email address'), 'me@mail.example');
      await user.click(screen.getByRole('button', { name: 'Send a test to me' }));
      await user.click(await screen.findByRole('button', { name: 'Send the link again' }));
      await waitFor(() =>
        expect(invoke.mock.calls.filter((c) => c[0] === 'ownAddress.prepare')).toHaveLength(2),
      );
      await screen.findByRole('button', { name: 'Cancel' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends at once when SES may already deliver there, and keeps the address as a draft', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { invoke, user } = await afterSimulator({
        'ownAddress.prepare': () => ok({ ...ready, address: 'boss@example.com', reason: 'domain-verified' }),
      });
      await user.type(screen.getByLabelText('Your email address'), 'boss@example.com');
      await act(() => vi.advanceTimersByTimeAsync(1_000));
      await waitFor(() =>
        expect(invoke).toHaveBeenCalledWith('drafts.save', {
          form: 'testSend',
          answers: expect.objectContaining({ ownAddress: 'boss@example.com' }),
        }),
      );
      await user.click(screen.getByRole('button', { name: 'Send a test to me' }));
      await screen.findByRole('status', { name: 'Sent — look in your inbox (and spam folder)' });
      expect(invoke.mock.calls.filter((c) => c[0] === 'ownAddress.status')).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
