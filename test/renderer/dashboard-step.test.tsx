import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DashboardView } from '../../electron/features/dashboard/dashboard';
import type { KeyStatus } from '../../electron/features/rotation/view';
import { App } from '../../renderer/app/App';
import { useAssistant } from '../../renderer/app/store';
import { estimateMonthlyCost } from '../../electron/core/facts/pricing';
import { summarise } from '../../electron/features/dashboard/reputation';
import { baseState, installFakeAssistant } from './fake-assistant';

/** The suppression summary inside the feedback card asks for these. */
const SUPPRESSION = {
  'suppression.settings': () => ({
    ok: true as const,
    value: {
      region: 'eu-west-1',
      suppressedReasons: ['BOUNCE', 'COMPLAINT'],
      missing: [],
      allOn: true,
      summary: 'On.',
      readWith: 'sending-user',
    },
  }),
  'suppression.alarms': () => ({
    ok: true as const,
    value: {
      region: 'eu-west-1',
      alarms: [],
      notifyAddress: null,
      lines: [],
      asOf: '2026-11-28',
      sources: [],
    },
  }),
};

function view(overrides: Partial<DashboardView> = {}): DashboardView {
  return {
    region: 'eu-west-1',
    connection: { label: 'sender', accountId: '123456789012', keyIdMasked: 'AKIA…WXYZ' },
    account: {
      ok: true,
      value: {
        region: 'eu-west-1',
        source: 'GetAccount',
        sandbox: true,
        sendingEnabled: true,
        quota: { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 180 },
        enforcement: 'HEALTHY',
        review: null,
        details: null,
        request: null,
        pricingPlan: 'NONE',
        meaning: { title: 'In the sandbox', explanation: 'Only verified recipients for now.', next: '' },
        checkedAt: '2026-11-24T10:00:00Z',
      },
    },
    identities: {
      ok: false,
      error: {
        code: 'AWS_ACCESS_DENIED',
        title: 'This user is not allowed to do that',
        explanation: 'e',
        fix: 'Attach the policy.',
        retryable: false,
      },
    },
    reputation: {
      ok: true,
      value: summarise(
        [{ Timestamp: new Date(), DeliveryAttempts: 1000, Bounces: 60, Complaints: 0 }],
        new Date(),
      ),
    },
    key: {
      ok: false,
      error: {
        code: 'UNEXPECTED',
        title: 'Key age unknown',
        explanation: '',
        fix: 'Try again.',
        retryable: true,
      },
    },
    feedback: {
      ok: true,
      value: {
        setUp: true,
        counts: { bounce: 3, complaint: 1, delivery: 0, unreadable: 0 },
        lastError: null,
        latest: [
          {
            id: 'n1:0',
            notificationId: 'n1',
            kind: 'complaint',
            address: 'angry@example.net',
            at: '2026-11-20T10:00:01.000Z',
            receivedAt: '2026-11-20T10:01:00.000Z',
            complaintType: 'abuse',
            message: { id: 'm2', subject: 'News' },
            meaning: { title: 'Marked as spam', explanation: '', action: '', stopMailing: true },
          },
        ],
      },
    },
    smtp: {
      host: 'email-smtp.eu-west-1.amazonaws.com',
      ports: { starttls: 587, tls: 465 },
      userNameMasked: 'AKIA…WXYZ',
    },
    snippets: [
      { id: 'env', title: '.env file', language: 'dotenv', code: 'AWS_REGION=eu-west-1' },
      { id: 'python-smtp', title: 'Python with smtplib (SMTP)', language: 'python', code: 'import smtplib' },
    ],
    cost: estimateMonthlyCost(5400, 'NONE'),
    quotaAdvice: 'You have used most of the sandbox’s 200 emails for today.',
    ...overrides,
  };
}

beforeEach(() => useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false }));

describe('the dashboard', () => {
  it('shows each card, a failing card on its own, and the quota advice', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dashboard' }) }),
      'dashboard.get': () => ({ ok: true, value: view() }),
      ...SUPPRESSION,
    });
    render(<App />);
    expect(await screen.findByText('In the sandbox in eu-west-1')).toBeTruthy();
    expect(screen.getByText(/You have used most of the sandbox/)).toBeTruthy();
    const senders = screen.getByRole('region', { name: 'Verified senders' });
    expect(within(senders).getByText(/This user is not allowed to do that/)).toBeTruthy();
    expect(screen.getByText(/6\.0 %/).parentElement!.textContent).toContain('Too high');
    expect(screen.getByRole('progressbar', { name: 'Sent in the last 24 hours' })).toBeTruthy();
    expect(screen.getByText(/\$0\.54/)).toBeTruthy();
    expect(screen.getByText('About $0.10 per 1,000 recipients')).toBeTruthy();
    expect(screen.getByText(/At today’s pace \(5,400 recipients a month\)/)).toBeTruthy();
    expect(screen.getByText(/Prices as of 4 December 2026\./)).toBeTruthy();
    // In the sandbox nothing says "everything is set up".
    expect(screen.getByText(/Almost there: you can send tests, but only to verified addresses/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('Everything is set up');
    // One main action: in the sandbox, leaving it.
    expect([...document.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual([
      'Leave the sandbox',
    ]);
    // Going past the sandbox screen does not tick it as done.
    expect(screen.getByText('Leave the sandbox', { selector: '.progress li' }).className).toBe('passed');
  });

  it('says all is set up once out of the sandbox, with signed domains and dates in words', async () => {
    const production = view();
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dashboard' }) }),
      ...SUPPRESSION,
      'dashboard.get': () => ({
        ok: true,
        value: view({
          account: production.account.ok
            ? { ok: true, value: { ...production.account.value, sandbox: false } }
            : production.account,
          identities: {
            ok: true,
            value: [
              {
                identity: 'example.com',
                kind: 'domain',
                region: 'eu-west-1',
                state: 'verified',
                sesStatus: 'Success',
                dkim: { enabled: true, status: 'Success', tokens: [] },
                advice: { label: 'Verified', meaning: '', todo: '' },
              },
            ],
          },
          key: {
            ok: true,
            value: {
              keyIdMasked: 'AKIA…WXYZ',
              schedule: { ageDays: 1, dueDate: '2027-02-22', daysLeft: 89 },
            } as unknown as KeyStatus,
          },
        }),
      }),
    });
    render(<App />);
    expect(await screen.findByText(/^Everything is set up: you can send to anyone\./)).toBeTruthy();
    expect(screen.getByText(/Production access in eu-west-1/)).toBeTruthy();
    expect(screen.getByText('example.com').parentElement!.textContent).toContain('signed (DKIM)');
    expect(screen.getByText(/Next change due 22 February 2027 \(in 89 days\)/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('Almost there');
    // One main action: out of the sandbox, sending a test.
    expect([...document.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual([
      'Send a test email',
    ]);
  });

  it('labels estimated rates as estimates, and gives AWS’s advice and lines for each', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dashboard' }) }),
      'dashboard.get': () => ({ ok: true, value: view() }),
      ...SUPPRESSION,
    });
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Sending health' });
    expect(within(card).getByText(/^Bounces:/).textContent).toMatch(/6\.0 %.*Too high.*estimate/);
    expect(card.textContent).toContain(
      'AWS advises keeping bounces below 2 %; it reviews an account at 5 % and may pause its sending at 10 %.',
    );
    expect(card.textContent).toContain('AWS advises keeping complaints below 0.1 %');
    expect(card.textContent).toMatch(/estimate from the last 14 days’ sending statistics/);
    expect(card.textContent).not.toMatch(/AWS’s line/);
  });

  it('says when a rate is AWS’s own, from CloudWatch', async () => {
    const measuredAt = new Date('2026-11-24T09:00:00Z');
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dashboard' }) }),
      'dashboard.get': () => ({
        ok: true,
        value: view({
          reputation: {
            ok: true,
            value: summarise([], new Date(), {
              read: true,
              bounce: { rate: 0.022, at: measuredAt },
              complaint: { rate: 0.0003, at: measuredAt },
            }),
          },
        }),
      }),
      ...SUPPRESSION,
    });
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Sending health' });
    const bounces = within(card).getByText(/^Bounces:/).textContent ?? '';
    expect(bounces).toMatch(/2\.2 %.*Keep an eye on it/);
    expect(bounces).toMatch(/AWS’s own rate \(Reputation\.BounceRate in CloudWatch, 24 November 2026\)/);
    expect(card.textContent).not.toMatch(/estimate/);
  });

  it('shows no price when the account’s pricing plan could not be read', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dashboard' }) }),
      'dashboard.get': () => ({ ok: true, value: view({ cost: estimateMonthlyCost(5400, null) }) }),
      ...SUPPRESSION,
    });
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Cost estimate' });
    expect(card.textContent).not.toMatch(/\$\d|per 1,000/);
    expect(card.textContent).toMatch(/pricing plan could not be read/);
    expect(within(card).getByRole('button', { name: 'Check current prices' })).toBeTruthy();
  });

  it('switches the code snippet by language', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dashboard' }) }),
      'dashboard.get': () => ({ ok: true, value: view() }),
      ...SUPPRESSION,
    });
    render(<App />);
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Language'), 'python-smtp');
    expect(screen.getByLabelText('Python with smtplib (SMTP)').textContent).toBe('import smtplib');
  });

  it('shows the bounces and complaints card with counts and the newest events, and opens the feedback screen', async () => {
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dashboard' }) }),
      'dashboard.get': () => ({ ok: true, value: view() }),
      'wizard.goTo': () => ({ ok: true, value: baseState({ step: 'feedback' }) }),
      'feedback.status': () => ({
        ok: false,
        error: { code: 'UNEXPECTED', title: 'x', explanation: '', fix: '', retryable: false },
      }),
      'suppression.list': () => ({
        ok: true,
        value: { region: 'eu-west-1', addresses: [], nextToken: null },
      }),
      ...SUPPRESSION,
    });
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Bounces and complaints' });
    expect(within(card).getByText(/3 bounces and 1 complaint stored/)).toBeTruthy();
    expect(within(card).getByText('angry@example.net')).toBeTruthy();
    expect(card.textContent).toContain('marked as spam');
    await userEvent.click(within(card).getByRole('button', { name: 'See bounces and complaints' }));
    expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step: 'feedback' });
  });

  it('keeps the card, and the others, when reading the stored events fails', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dashboard' }) }),
      'dashboard.get': () => ({
        ok: true,
        value: view({
          feedback: {
            ok: false,
            error: {
              code: 'FEEDBACK_STORE_FAILED',
              title: 'Could not read the events',
              explanation: '',
              fix: 'Check the disk.',
              retryable: true,
            },
          },
        }),
      }),
      ...SUPPRESSION,
    });
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Bounces and complaints' });
    expect(within(card).getByText(/Could not read the events\. Check the disk\./)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Set up bounces and complaints' })).toBeTruthy();
    expect(screen.getByText('In the sandbox in eu-west-1')).toBeTruthy();
  });
});
