/**
 * The suppression list and alarm panels against a fake window.assistant: the states a person meets
 * (off, on, empty, long, searched, admin needed, firing), the confirmation before a removal, and the
 * dashboard summary failing one line at a time.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AssistantError, OutputOf } from '../../electron/ipc/contract';
import {
  AlarmsPanel,
  SuppressionPanel,
  SuppressionSummary,
} from '../../renderer/features/suppression/SuppressionPanel';
import { AdminAccess } from '../../renderer/components/AdminAccess';
import { installFakeAssistant, type Answers } from './fake-assistant';

type Settings = OutputOf<'suppression.settings'>;
type Page = OutputOf<'suppression.list'>;
type Alarms = OutputOf<'suppression.alarms'>;

const ok = <T,>(value: T) => ({ ok: true as const, value });
const err = (error: Partial<AssistantError> & { code: string }) => ({
  ok: false as const,
  error: { title: 'Failed', explanation: 'It failed.', fix: 'Try again.', retryable: false, ...error },
});

function settings(on: Settings['suppressedReasons']): Settings {
  const missing = (['BOUNCE', 'COMPLAINT'] as const).filter((r) => !on.includes(r));
  return {
    region: 'us-east-1',
    suppressedReasons: on,
    missing,
    allOn: missing.length === 0,
    summary: missing.length ? 'Some of it is off.' : 'SES stops sending by itself.',
    readWith: 'sending-user',
    sandbox: false,
    sandboxNote: null,
  };
}

const address = (name: string, reason: 'BOUNCE' | 'COMPLAINT' = 'BOUNCE') => ({
  address: name,
  reason,
  lastUpdate: '2026-11-21T08:30:00.000Z',
  why:
    reason === 'BOUNCE' ? 'Mail to this address bounced for good.' : 'The person marked a message as spam.',
});

function page(addresses: Page['addresses'], nextToken: string | null = null): Page {
  return { region: 'us-east-1', addresses, nextToken, readWith: 'sending-user' };
}

function alarms(list: Alarms['alarms'] = [], notifyAddress: string | null = null): Alarms {
  return {
    region: 'us-east-1',
    alarms: list,
    notifyAddress,
    lines: [
      { kind: 'bounce', adviseBelow: '2 %', warnAt: '4 %', reviewAt: '5 %', pauseAt: '10 %' },
      { kind: 'complaint', adviseBelow: '0.1 %', warnAt: '0.08 %', reviewAt: '0.1 %', pauseAt: '0.5 %' },
    ],
    asOf: '2026-11-28',
    sources: ['https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html'],
  };
}

function alarm(kind: 'bounce' | 'complaint', state: Alarms['alarms'][number]['state']) {
  return {
    name: `ses-assistant-${kind}-rate`,
    kind,
    metric: kind === 'bounce' ? 'Reputation.BounceRate' : 'Reputation.ComplaintRate',
    threshold: kind === 'bounce' ? 0.04 : 0.0008,
    thresholdWords: kind === 'bounce' ? '4 %' : '0.08 %',
    state,
    stateReason: null,
    since: '2026-11-27T10:00:00.000Z',
  };
}

const ADMIN = {
  arn: 'arn:aws:iam::123456789012:user/admin',
  accountId: '123456789012',
  kind: 'access-key',
  openedAt: '2026-11-28T10:00:00.000Z',
  limits: [],
  rightsCheck: 'simulated',
};

function suppression(answers: Answers) {
  return installFakeAssistant({
    'suppression.settings': () => ok(settings(['BOUNCE', 'COMPLAINT'])),
    'suppression.list': () => ok(page([])),
    ...answers,
  });
}

describe('the suppression list panel', () => {
  it('says plainly what the list is, that it is on, and that it is empty', async () => {
    suppression({});
    render(<SuppressionPanel />);
    screen.getByRole('heading', { name: 'Addresses SES will not send to' });
    await screen.findByText('On for bounces and complaints.');
    await screen.findByText(/No address is on the list/);
    expect(screen.queryByRole('button', { name: /Turn on/ })).toBeNull();
  });

  it('turns suppression on with one click, asking for admin access first and carrying on once given', async () => {
    let adminOpen = false;
    const invoke = suppression({
      'suppression.settings': () => ok(settings(['BOUNCE'])),
      'suppression.turnOn': () =>
        adminOpen
          ? ok(settings(['BOUNCE', 'COMPLAINT']))
          : err({ code: 'ADMIN_NEEDED', explanation: 'Turning on the suppression list needs admin rights.' }),
      'admin.open': () => {
        adminOpen = true;
        return ok(ADMIN);
      },
    });
    const user = userEvent.setup();
    render(<SuppressionPanel />);
    await screen.findByText('On for bounces only.');
    await user.click(screen.getByRole('button', { name: 'Turn on for complaints' }));
    // The admin form, with why it is needed; no error panel for this expected state.
    await screen.findByText(/Turning on the suppression list needs admin rights/);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.type(screen.getByLabelText(/Access key ID/i), 'AKIAIOSFODNN7EXAMPLE');
    await user.type(screen.getByLabelText(/Secret access key/i), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    await screen.findByText('On for bounces and complaints.');
    expect(invoke.mock.calls.filter(([c]) => c === 'suppression.turnOn')).toHaveLength(2);
  });

  it('shows why each address is there, and its details on request', async () => {
    suppression({
      'suppression.list': () =>
        ok(page([address('gone@shop.example'), address('angry@shop.example', 'COMPLAINT')])),
      'suppression.detail': () =>
        ok({
          ...address('gone@shop.example'),
          messageId: '0100018c-message',
          feedbackId: '0100018c-feedback',
          removing: 'SES will send to this address again.',
        }),
    });
    const user = userEvent.setup();
    render(<SuppressionPanel />);
    const item = (await screen.findByText('gone@shop.example')).closest('li')!;
    within(item).getByText('Bounced for good');
    within(item).getByText(/bounced for good\./);
    await user.click(within(item).getByRole('button', { name: 'Details' }));
    await within(item).findByText('0100018c-message');
    within(item).getByText('0100018c-feedback');
    screen.getByText('Marked as spam', { selector: '.badge' });
  });

  it('asks before removing, says what removing means, and removes only on "Yes"', async () => {
    const invoke = suppression({
      'suppression.list': () => ok(page([address('gone@shop.example')])),
      'suppression.remove': () => ok({ removed: 'gone@shop.example' }),
    });
    const user = userEvent.setup();
    render(<SuppressionPanel />);
    const item = (await screen.findByText('gone@shop.example')).closest('li')!;
    await user.click(within(item).getByRole('button', { name: 'Remove from the list…' }));
    within(item).getByText(/SES will send to this address again/);
    await user.click(within(item).getByRole('button', { name: 'Keep it on the list' }));
    expect(invoke.mock.calls.some(([c]) => c === 'suppression.remove')).toBe(false);

    await user.click(within(item).getByRole('button', { name: 'Remove from the list…' }));
    await user.click(within(item).getByRole('button', { name: 'Yes, remove it' }));
    await screen.findByText('gone@shop.example was removed: SES will send to it again.');
    expect(invoke).toHaveBeenCalledWith('suppression.remove', {
      address: 'gone@shop.example',
      confirm: true,
    });
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('pages with "Show more", filters by reason and searches', async () => {
    const invoke = suppression({
      'suppression.list': (input) => {
        const i = input as { nextToken?: string; query?: string; reasons?: string[] };
        if (i.query)
          return ok({
            ...page([address('jo@pottery.example')]),
            searched: { looked: 10_000, stoppedEarly: true, query: i.query },
          });
        if (i.nextToken) return ok(page([address('b@shop.example')]));
        return ok(page([address('a@shop.example')], 'token-2'));
      },
    });
    const user = userEvent.setup();
    render(<SuppressionPanel />);
    await screen.findByText('a@shop.example');
    await user.click(screen.getByRole('button', { name: 'Show more addresses' }));
    await screen.findByText('b@shop.example');
    screen.getByText('a@shop.example');
    expect(invoke).toHaveBeenCalledWith('suppression.list', { nextToken: 'token-2' });

    await user.click(screen.getByRole('radio', { name: 'Marked as spam' }));
    expect(invoke).toHaveBeenLastCalledWith('suppression.list', { reasons: ['COMPLAINT'] });

    await user.type(screen.getByLabelText('Find an address'), 'pottery');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByText('jo@pottery.example');
    screen.getByText(/among the first 10,000 looked at/);
    await user.click(screen.getByRole('button', { name: 'Show the whole list' }));
    await screen.findByText('a@shop.example');
  });

  it('offers admin access when the sending user may not read the list, without a key form at once', async () => {
    suppression({
      'suppression.list': () =>
        err({ code: 'SUPPRESSION_READ_NEEDS_ADMIN', explanation: 'The sending user may not read the list.' }),
    });
    const user = userEvent.setup();
    render(<SuppressionPanel />);
    await screen.findByText(/The sending user may not read the list\./);
    expect(screen.queryByLabelText(/Access key ID/i)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Give admin access to see the list' }));
    await screen.findByLabelText(/Access key ID/i);
  });

  it('uses the admin form already on the screen rather than adding a second, and carries on once it is used', async () => {
    let adminOpen = false;
    const invoke = suppression({
      'suppression.settings': () => ok(settings([])),
      'suppression.turnOn': () =>
        adminOpen
          ? ok(settings(['BOUNCE', 'COMPLAINT']))
          : err({ code: 'ADMIN_NEEDED', explanation: 'Turning on the suppression list needs admin rights.' }),
      'admin.status': () => ok(adminOpen ? ADMIN : null),
      'admin.open': () => {
        adminOpen = true;
        return ok(ADMIN);
      },
    });
    const user = userEvent.setup();
    render(
      <>
        <AdminAccess region="us-east-1" why="The feedback set-up needs admin rights." />
        <SuppressionPanel />
      </>,
    );
    await user.click(await screen.findByRole('button', { name: 'Turn on for bounces and complaints' }));
    await screen.findByText(/carries on by itself once they are accepted/);
    expect(screen.getAllByLabelText(/Access key ID/i)).toHaveLength(1);
    await user.type(screen.getByLabelText(/Access key ID/i), 'AKIAIOSFODNN7EXAMPLE');
    await user.type(screen.getByLabelText(/Secret access key/i), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    await screen.findByText('On for bounces and complaints.');
    expect(invoke.mock.calls.filter(([c]) => c === 'suppression.turnOn')).toHaveLength(2);
  });

  it('adds an address, checking it as typed with the router’s own rule', async () => {
    const invoke = suppression({
      'suppression.add': () =>
        ok({ ...address('left@shop.example', 'COMPLAINT'), messageId: null, feedbackId: null, removing: '' }),
    });
    const user = userEvent.setup();
    render(<SuppressionPanel />);
    await user.click(await screen.findByText('Add an address yourself'));
    await user.type(screen.getByLabelText('Address'), 'not an address');
    screen.getByText('Enter an email address such as you@example.com.');
    expect((screen.getByRole('button', { name: 'Add to the list' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await user.clear(screen.getByLabelText('Address'));
    await user.type(screen.getByLabelText('Address'), 'left@shop.example');
    await user.click(screen.getByRole('button', { name: 'Add to the list' }));
    await screen.findByText('left@shop.example is on the list now.');
    expect(invoke).toHaveBeenCalledWith('suppression.add', {
      address: 'left@shop.example',
      reason: 'COMPLAINT',
    });
  });

  it('says in the sandbox, before offering a change, that AWS does not allow changing the list, and explains a refusal', async () => {
    const NOTE =
      'While your account is in the SES sandbox in us-east-1, AWS does not allow changing this list.';
    suppression({
      'suppression.settings': () =>
        ok({ ...settings(['BOUNCE', 'COMPLAINT']), sandbox: true, sandboxNote: NOTE }),
      'suppression.add': () =>
        err({ code: 'SUPPRESSION_IN_SANDBOX', title: 'The list cannot be changed while in the sandbox' }),
    });
    const user = userEvent.setup();
    render(<SuppressionPanel />);
    const note = await screen.findByText(NOTE);
    const offer = screen.getByText('Add an address yourself');
    // The note comes first in the page, before the offer to change the list.
    expect(note.compareDocumentPosition(offer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(offer);
    await user.type(screen.getByLabelText('Address'), 'left@shop.example');
    await user.click(screen.getByRole('button', { name: 'Add to the list' }));
    await screen.findByRole('heading', { name: 'The list cannot be changed while in the sandbox' });
  });

  it('shows an error in words when SES cannot be reached', async () => {
    suppression({
      'suppression.list': () =>
        err({ code: 'NETWORK_UNREACHABLE', title: 'AWS could not be reached', retryable: true }),
    });
    render(<SuppressionPanel />);
    await screen.findByRole('heading', { name: 'AWS could not be reached' });
  });
});

describe('the alarms panel', () => {
  it('shows where the person is warned and where AWS acts, and offers to set the alarms up', async () => {
    let adminOpen = false;
    const invoke = installFakeAssistant({
      'suppression.alarms': () => ok(alarms()),
      'suppression.createAlarms': () =>
        adminOpen
          ? ok(
              alarms(
                [alarm('bounce', 'INSUFFICIENT_DATA'), alarm('complaint', 'OK')],
                'owner@pottery.example',
              ),
            )
          : err({ code: 'ADMIN_NEEDED', explanation: 'Creating CloudWatch alarms needs admin rights.' }),
      'admin.open': () => {
        adminOpen = true;
        return ok(ADMIN);
      },
    });
    const user = userEvent.setup();
    render(<AlarmsPanel />);
    const table = await screen.findByRole('table');
    within(table).getByRole('columnheader', { name: 'AWS advises below' });
    within(table).getByRole('row', { name: 'Bounces 2 % 4 % 5 % 10 %' });
    within(table).getByRole('row', { name: 'Complaints 0.1 % 0.08 % 0.1 % 0.5 %' });
    await user.type(screen.getByLabelText('Email the alarms to'), 'owner@pottery.example');
    await user.click(screen.getByRole('button', { name: 'Set up the alarms' }));
    await screen.findByText(/Creating CloudWatch alarms needs admin rights/);
    await user.type(screen.getByLabelText(/Access key ID/i), 'AKIAIOSFODNN7EXAMPLE');
    await user.type(screen.getByLabelText(/Secret access key/i), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    await screen.findByText(/The alarms email owner@pottery.example/);
    screen.getByText('Not enough mail yet to tell');
    screen.getByText('Fine');
    expect(invoke).toHaveBeenCalledWith('suppression.createAlarms', {
      notifyAddress: 'owner@pottery.example',
    });
  });

  it('says what to do when an alarm is firing', async () => {
    installFakeAssistant({
      'suppression.alarms': () =>
        ok(alarms([alarm('bounce', 'ALARM'), alarm('complaint', 'OK')], 'o@p.example')),
    });
    render(<AlarmsPanel />);
    await screen.findByText('Too high: act now');
    screen.getByText(/Stop mailing the addresses that bounced or complained/);
  });
});

describe('the dashboard summary', () => {
  it('says in two lines whether suppression is on and whether the alarms are quiet', async () => {
    installFakeAssistant({
      'suppression.settings': () => ok(settings(['BOUNCE', 'COMPLAINT'])),
      'suppression.alarms': () => ok(alarms([alarm('bounce', 'OK'), alarm('complaint', 'ALARM')])),
    });
    render(<SuppressionSummary />);
    await screen.findByText('on for bounces and complaints');
    await screen.findByText('complaint rate too high');
  });

  it('fails one line at a time', async () => {
    installFakeAssistant({
      'suppression.settings': () => ok(settings([])),
      'suppression.alarms': () => err({ code: 'NETWORK_UNREACHABLE', title: 'AWS could not be reached' }),
    });
    render(<SuppressionSummary />);
    await screen.findByText('off: turn it on so SES stops mailing dead addresses');
    await screen.findByText('could not be read (aws could not be reached)');
  });
});
