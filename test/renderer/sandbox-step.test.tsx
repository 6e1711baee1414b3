import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/ipc/contract';
import { meaningOf, type ReviewState, type SandboxStatus } from '../../electron/features/sandbox/sandbox';
import { draftUseCase } from '../../electron/features/sandbox/draft';
import { App } from '../../renderer/app/App';
import { useAssistant } from '../../renderer/app/store';
import { baseState, installFakeAssistant, type Answers } from './fake-assistant';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

function status(review: ReviewState | null, overrides: Partial<SandboxStatus> = {}): SandboxStatus {
  const granted = review === 'GRANTED';
  const base = {
    region: 'us-east-1',
    sandbox: !granted,
    enforcement: 'HEALTHY' as const,
    quota: granted
      ? { max24HourSend: 50_000, maxSendRate: 14, sentLast24Hours: 0 }
      : { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 3 },
    review: review ? { status: review, caseId: '17298345610' } : null,
  };
  return {
    ...base,
    source: 'GetAccount',
    sendingEnabled: true,
    details: null,
    request: review ? { route: 'api', at: '2026-11-24T09:00:00.000Z' } : null,
    pricingPlan: null,
    meaning: meaningOf(base),
    checkedAt: '2026-11-24T09:30:00.000Z',
    ...overrides,
  };
}

function answers(current: () => SandboxStatus, extra: Answers = {}): Answers {
  return {
    'app.state': () => ok(baseState({ step: 'sandbox', activeProfileId: 'p1' })),
    'sandbox.status': () => ok(current()),
    'send.senders': () =>
      ok([{ identity: 'example.com', kind: 'domain', status: 'Success', verified: true }]),
    // The fake drafts with the real pure function, so what the screen shows is what AWS would get.
    'sandbox.draft': (input) =>
      ok(draftUseCase((input as { answers: Parameters<typeof draftUseCase>[0] }).answers)),
    'sandbox.readiness': (input) =>
      ok({
        domain: 'example.com',
        region: 'us-east-1',
        items: [
          {
            id: 'domain-verified',
            label: 'Domain verified',
            ok: true,
            detail: 'example.com is verified in us-east-1.',
          },
          { id: 'dkim', label: 'DKIM signing on', ok: true, detail: 'Signed.' },
          {
            id: 'dmarc',
            label: 'DMARC record published',
            ok: false,
            detail: 'No DMARC record at _dmarc.example.com.',
          },
          { id: 'bounces', label: 'Bounce and complaint handling', ok: true, detail: 'Reported.' },
          {
            id: 'website',
            label: 'Website given',
            ok: !!(input as { website?: string }).website,
            detail: 'Website.',
          },
        ],
      }),
    ...extra,
  };
}

beforeEach(() => {
  useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false });
});

async function fillAll(user: ReturnType<typeof userEvent.setup>) {
  await user.type(
    screen.getByLabelText('What does your business do?'),
    'We sell handmade ceramic pots online',
  );
  await user.type(screen.getByLabelText('Your website'), 'https://pots.example');
  await user.selectOptions(
    screen.getByLabelText('How did recipients agree to get your mail?'),
    'account-or-order',
  );
  await user.type(screen.getByLabelText('How many recipients?'), '1200');
  await user.type(screen.getByLabelText('Messages a month'), '3000');
  await user.type(screen.getByLabelText('How often do you send?'), 'receipts as orders come in');
  await user.click(screen.getByLabelText('SES notifies me (notification topic)'));
  await user.type(screen.getByLabelText('Addresses AWS may write to (1 to 4)'), 'ops@pots.example');
}

describe('the sandbox screen', () => {
  it('explains the sandbox, drafts the request live, and shows the checklist', async () => {
    const invoke = installFakeAssistant(answers(() => status(null)));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Your account is in the sandbox in us-east-1' });
    // One box explains the sandbox: its limits and that it is per region.
    expect(screen.getByText(/only to addresses and domains you have verified/)).toBeTruthy();
    expect(screen.getByText(/200 recipients in 24 hours and 1 recipient a second/)).toBeTruthy();
    expect(screen.getByText(/leaving it in us-east-1 does not change any other region/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'What the sandbox means' })).toBeNull();
    // Nothing answered yet: a sentence, not an empty box; the dashboard is not the main action.
    expect(screen.getByText('Your request appears here as you answer the questions.')).toBeTruthy();
    // No draft is asked for until there is an answer, so the sentence above cannot be replaced
    // behind the test's back by a boilerplate paragraph.
    await screen.findByText('No DMARC record at _dmarc.example.com.');
    expect(invoke).not.toHaveBeenCalledWith('sandbox.draft', expect.anything());
    expect(screen.getByText('Your request appears here as you answer the questions.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Go to the dashboard' }).className).not.toContain('primary');
    expect(screen.getByRole('button', { name: 'Copy the text and open the AWS console' }).className).toBe(
      'primary',
    );
    await user.type(screen.getByLabelText('What does your business do?'), 'We sell handmade ceramic pots');
    await waitFor(() => expect(screen.getByText(/We sell handmade ceramic pots\./)).toBeTruthy());
    // What is still missing, by the questions' own names.
    expect(
      screen.getByText(/Still needed: Your website, How did recipients agree to get your mail\?, How many/),
    ).toBeTruthy();
    expect(screen.queryByText(/What does your business do\?,/)).toBeNull();
    await screen.findByText('No DMARC record at _dmarc.example.com.');
    expect(invoke).toHaveBeenCalledWith(
      'sandbox.readiness',
      expect.objectContaining({ domain: 'example.com' }),
    );
    // Both routes wait for a complete request.
    expect(
      (screen.getByRole('button', { name: 'Copy the text and open the AWS console' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it('brings back the answers typed before a restart, saves new ones as typed, and starts over on request', async () => {
    const invoke = installFakeAssistant(
      answers(() => status(null), {
        'drafts.get': () =>
          ok({
            sender: null,
            testSend: null,
            sandbox: {
              business: 'We sell handmade ceramic pots',
              website: 'https://pots.example',
              mailType: 'TRANSACTIONAL',
              listSize: 1200,
              contacts: ['ops@pots.example'],
            },
          }),
      }),
    );
    const user = userEvent.setup();
    render(<App />);
    const business = (await screen.findByLabelText('What does your business do?')) as HTMLTextAreaElement;
    await waitFor(() => expect(business.value).toBe('We sell handmade ceramic pots'));
    expect((screen.getByLabelText('How many recipients?') as HTMLInputElement).value).toBe('1200');
    expect((screen.getByLabelText('Addresses AWS may write to (1 to 4)') as HTMLInputElement).value).toBe(
      'ops@pots.example',
    );
    await user.type(screen.getByLabelText('How often do you send?'), 'weekly');
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('drafts.save', {
        form: 'sandbox',
        answers: expect.objectContaining({
          business: 'We sell handmade ceramic pots',
          frequency: 'weekly',
          listSize: 1200,
        }),
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(business.value).toBe('');
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('drafts.save', { form: 'sandbox', answers: null }),
    );
  });

  it('keeps what is typed while the saved answers are still on their way', async () => {
    let answerSaved!: (r: Result<unknown>) => void;
    const invoke = installFakeAssistant(
      answers(() => status(null), {
        'drafts.get': () => new Promise((resolve) => (answerSaved = resolve)),
      }),
    );
    const user = userEvent.setup();
    render(<App />);
    const business = (await screen.findByLabelText('What does your business do?')) as HTMLTextAreaElement;
    await user.type(business, 'We repair bicycles');
    answerSaved(
      ok({
        sender: null,
        testSend: null,
        sandbox: { business: 'We sell handmade ceramic pots', mailType: 'TRANSACTIONAL', contacts: [] },
      }),
    );
    // Saving starts only once the saved answers are back, so what it saves is the settled form.
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('drafts.save', {
        form: 'sandbox',
        answers: expect.objectContaining({ business: 'We repair bicycles' }),
      }),
    );
    expect(business.value).toBe('We repair bicycles');
  });

  it('copy into the AWS form: copies the draft, opens the console page, and records the route', async () => {
    let current = status(null);
    const invoke = installFakeAssistant(
      answers(() => current, {
        'clipboard.copy': () => ok({ copied: true }),
        'links.open': () => ok({ opened: true }),
        'sandbox.usedConsole': () => {
          current = status(null, { request: { route: 'console', at: '2026-11-24T09:10:00.000Z' } });
          return ok({ route: 'console', at: '2026-11-24T09:10:00.000Z' });
        },
      }),
    );
    const user = userEvent.setup();
    render(<App />);
    await screen.findByLabelText('What does your business do?');
    await fillAll(user);
    const copy = screen.getByRole('button', { name: 'Copy the text and open the AWS console' });
    await waitFor(() => expect((copy as HTMLButtonElement).disabled).toBe(false));
    await user.click(copy);
    await screen.findByText(/Paste it into the form in your browser/);
    const copied = invoke.mock.calls.find(([c]) => c === 'clipboard.copy')![1] as { text: string };
    expect(copied.text).toContain('We sell handmade ceramic pots online.');
    expect(invoke).toHaveBeenCalledWith('links.open', {
      url: 'https://us-east-1.console.aws.amazon.com/ses/home?region=us-east-1#/account',
    });
    expect(invoke).toHaveBeenCalledWith('sandbox.usedConsole', { region: 'us-east-1' });
    await screen.findByText(/Pasted into the AWS console form/);
  });

  it('submit for me: needs the confirmation box, then shows the request being tracked', async () => {
    let current = status(null);
    const invoke = installFakeAssistant(
      answers(() => current, {
        'sandbox.submit': () => {
          current = status('PENDING');
          return ok(current);
        },
      }),
    );
    const user = userEvent.setup();
    render(<App />);
    await screen.findByLabelText('What does your business do?');
    await fillAll(user);
    const send = screen.getByRole('button', { name: 'Send the request for me' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await user.click(screen.getByLabelText(/I have read the request/));
    await waitFor(() => expect(send.disabled).toBe(false));
    await user.click(send);
    await screen.findByRole('heading', { name: 'AWS is reviewing your request' });
    const call = invoke.mock.calls.find(([c]) => c === 'sandbox.submit')![1] as Record<string, unknown>;
    expect(call).toMatchObject({ region: 'us-east-1', confirm: true });
    expect(call.answers).toMatchObject({ website: 'https://pots.example', contacts: ['ops@pots.example'] });
    expect(screen.queryByLabelText('What does your business do?')).toBeNull();
  });

  it('describes both routes only as AWS does: the console form, or put-account-details, whose use-case text AWS marks deprecated', async () => {
    installFakeAssistant(answers(() => status(null)));
    render(<App />);
    await screen.findByLabelText('What does your business do?');
    const api = screen.getByRole('region', { name: 'Send it for me' });
    expect(api.textContent).toMatch(/put-account-details/);
    expect(api.textContent).toMatch(/AWS marks the use-case description .*optional and deprecated/);
    const form = screen.getByRole('region', { name: 'Copy into the AWS form' });
    // Nothing AWS does not say: no claim about what reviewers see, no ranking of the two routes.
    for (const text of [api.textContent, form.textContent])
      expect(text).not.toMatch(/reviewers|less reliable|recommended/i);
  });

  const states: [ReviewState, string, RegExp, boolean][] = [
    ['PENDING', 'AWS is reviewing your request', /first answer comes within 24 hours/, false],
    ['GRANTED', 'You are out of the sandbox', /50,000 recipients in 24 hours, 14 a second/, false],
    ['DENIED', 'AWS declined the request for now', /more specific/, true],
    ['FAILED', 'The request did not go through', /Send the request again/, true],
  ];
  for (const [review, title, says, formAgain] of states) {
    it(`shows ${review}: what it means, what to do next${formAgain ? ', and the form to ask again' : ''}`, async () => {
      installFakeAssistant(answers(() => status(review)));
      render(<App />);
      await screen.findByRole('heading', { name: title });
      expect(screen.getAllByText(says).length).toBeGreaterThan(0);
      expect(screen.getByText(/AWS Support case 17298345610/)).toBeTruthy();
      expect(screen.getByText(/Sent by the assistant on/)).toBeTruthy();
      expect(document.body.textContent).not.toMatch(/PutAccountDetails|GetAccount/);
      expect(!!screen.queryByLabelText('What does your business do?')).toBe(formAgain);
      // Once granted, the sandbox's limits are history: they are no longer explained as current.
      // Once the form has done its job, the dashboard is the way on.
      expect(screen.getByRole('button', { name: 'Go to the dashboard' }).className.includes('primary')).toBe(
        !formAgain,
      );
    });
  }

  it('says when the status came from the sending limits alone', async () => {
    installFakeAssistant(
      answers(() =>
        status(null, {
          source: 'GetSendQuota',
          sourceNote:
            'This key may not read the account details (ses:GetAccount), so the status comes from the sending limits alone and cannot show a review.',
        }),
      ),
    );
    render(<App />);
    await screen.findByText(/may not read the account details/);
  });
});
