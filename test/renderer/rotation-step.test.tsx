import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyStatus, RotationProgress } from '../../electron/features/rotation/view';
import { RotationStep } from '../../renderer/features/rotation/RotationStep';
import { useAssistant } from '../../renderer/app/store';
import type { Result } from '../../electron/ipc/contract';
import { baseState, installFakeAssistant } from './fake-assistant';

const idle: KeyStatus = {
  profileId: 'p1',
  keyIdMasked: 'AKIA…OLD1',
  cannotRotate: null,
  awsProfileName: null,
  keyCreatedAt: '2026-01-10T09:00:00Z',
  lastRotatedAt: null,
  schedule: {
    dueDate: '2026-04-10',
    dueAt: '2026-04-10T10:00:00Z',
    ageDays: 95,
    daysLeft: -5,
    status: 'overdue',
    nextReminderAt: '2026-04-16T10:00:00Z',
  },
  reminders: { periodDays: 90, snoozeUntil: null, stayInTray: false, launchAtLogin: false },
  rotation: null,
  adminAvailable: false,
  rotatesWith: 'own-key',
};

function rotation(overrides: Partial<RotationProgress>): RotationProgress {
  return {
    phase: 'handover',
    region: 'eu-west-1',
    oldKeyIdMasked: 'AKIA…OLD1',
    newKeyIdMasked: 'AKIA…NEW2',
    startedAt: '2026-04-15T09:00:00Z',
    handedOverAt: '2026-04-15T09:00:05Z',
    retireAfterHours: 72,
    retireAt: '2026-04-18T09:00:05Z',
    oldKeyLastUsedAt: null,
    oldKeyCheckedAt: '2026-04-15T09:00:06Z',
    oldKeyUsedSinceHandover: false,
    confirmedUnused: false,
    deactivatedAt: null,
    finishedAt: null,
    useAdmin: false,
    removedExtraKeyIdMasked: null,
    error: null,
    canRollBack: true,
    ...overrides,
  };
}

const ok = (value: unknown) => ({ ok: true as const, value });

beforeEach(() => useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false }));

describe('the key rotation screen', () => {
  it('shows the key’s age and due date, and starts a rotation with one click', async () => {
    const invoke = installFakeAssistant({
      'rotation.status': () => ok(idle),
      'rotation.start': () => ok({ ...idle, rotation: rotation({}) }),
    });
    render(<RotationStep />);
    expect(await screen.findByText('Your key is 5 days overdue for a change')).toBeTruthy();
    expect(screen.getByText(/Press ‘Change my key now’ below/)).toBeTruthy();
    expect(screen.getByText(/10 January 2026 \(95 days ago\)/)).toBeTruthy();
    const start = screen.getByRole('button', { name: 'Change my key now' });
    expect(start.className).toBe('primary');
    await userEvent.setup().click(start);
    expect(invoke).toHaveBeenCalledWith('rotation.start', { profileId: 'p1' });
    expect(await screen.findByText('Your new key is ready — update your apps')).toBeTruthy();
  });

  it('asks for admin keys before a change when the key may not replace itself, then starts it', async () => {
    let adminOpen = false;
    const invoke = installFakeAssistant({
      'app.state': () => ok({ ...baseState({ step: 'rotation' }), region: 'eu-west-1' }),
      'rotation.status': () => ok({ ...idle, rotatesWith: 'admin' }),
      'rotation.start': () => ok({ ...idle, rotatesWith: 'admin', rotation: rotation({ useAdmin: true }) }),
      'admin.status': () =>
        ok(
          adminOpen
            ? {
                arn: 'arn:aws:iam::123456789012:user/admin',
                accountId: '123456789012',
                kind: 'access-key',
                limits: [],
                rightsCheck: 'simulated',
              }
            : null,
        ),
      'admin.open': () => {
        adminOpen = true;
        return ok({
          arn: 'arn:aws:iam::123456789012:user/admin',
          accountId: '123456789012',
          kind: 'access-key',
          limits: [],
          rightsCheck: 'simulated',
        });
      },
    });
    await useAssistant.getState().load();
    render(<RotationStep />);
    await screen.findByText(/This key may not replace itself/);
    const start = screen.getByRole('button', { name: 'Change my key now' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Access key ID/i), 'AKIAIOSFODNN7EXAMPLE');
    await user.type(screen.getByLabelText(/Secret access key/i), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    await waitFor(() => expect(start.disabled).toBe(false));
    await user.click(start);
    // The engine picks admin access by itself for such a key: the screen sends no choice.
    expect(invoke).toHaveBeenCalledWith('rotation.start', { profileId: 'p1' });
  });

  it('offers to import a key that comes from an AWS profile instead of rotating it silently', async () => {
    const invoke = installFakeAssistant({
      'rotation.status': () =>
        ok({
          ...idle,
          awsProfileName: 'shop',
          cannotRotate: {
            reason: 'aws-profile',
            explanation: 'This connection reads its key from the AWS profile “shop”.',
          },
        }),
      'rotation.importProfile': () => ok(idle),
    });
    render(<RotationStep />);
    await userEvent
      .setup()
      .click(await screen.findByRole('button', { name: 'Import the key into the keychain' }));
    expect(invoke).toHaveBeenCalledWith('rotation.importProfile', { profileId: 'p1' });
    expect(screen.queryByRole('button', { name: 'Change my key now' })).toBeTruthy();
  });

  it('shows the working steps while AWS is asked, with the step reached', async () => {
    installFakeAssistant({
      'rotation.status': () => ok({ ...idle, rotation: rotation({ phase: 'waiting', handedOverAt: null }) }),
    });
    render(<RotationStep />);
    const steps = await screen.findByRole('list', { name: 'Steps of the key change' });
    expect(within(steps).getByText('Wait until AWS accepts the new key').getAttribute('aria-current')).toBe(
      'step',
    );
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy();
  });

  it('hands over the new SMTP password through the SMTP channels, and says which apps to update', async () => {
    const invoke = installFakeAssistant({
      'rotation.status': () => ok({ ...idle, awsProfileName: 'shop', rotation: rotation({}) }),
      'smtp.copy': () => ok({ copied: true }),
      'smtp.revealPassword': () => ok({ password: 'BNEWSMTPPASSWORDxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }),
    });
    render(<RotationStep />);
    const user = userEvent.setup();
    expect(await screen.findByText(/Every app that sends your email by SMTP/)).toBeTruthy();
    expect(screen.getByText(/AWS profile “shop” on this computer/)).toBeTruthy();
    expect(screen.queryByTestId('new-smtp-password')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Copy password' }));
    expect(invoke).toHaveBeenCalledWith('smtp.copy', { what: 'password' });
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect((await screen.findByTestId('new-smtp-password')).textContent).toMatch(/^BNEW/);
    expect(screen.getByText(/no use of the old key since the hand-over/)).toBeTruthy();
  });

  it('says when the old key is still used, and retires it only after a second confirmation', async () => {
    const invoke = installFakeAssistant({
      'rotation.status': () =>
        ok({
          ...idle,
          rotation: rotation({ oldKeyUsedSinceHandover: true, oldKeyLastUsedAt: '2026-04-16T08:00:00Z' }),
        }),
      'rotation.confirmOldKeyUnused': () =>
        ok({
          ...idle,
          rotation: rotation({ phase: 'done', finishedAt: '2026-04-16T09:00:00Z', canRollBack: false }),
        }),
    });
    render(<RotationStep />);
    const user = userEvent.setup();
    expect(await screen.findByText(/Something still used the old key/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'All my apps use the new key' }));
    expect(invoke).not.toHaveBeenCalledWith('rotation.confirmOldKeyUnused', expect.anything());
    await user.click(screen.getByRole('button', { name: 'Yes, switch off the old key now' }));
    expect(invoke).toHaveBeenCalledWith('rotation.confirmOldKeyUnused', { confirm: true });
    expect(await screen.findByText('Your key was changed')).toBeTruthy();
    // Right after a change, starting another is no longer the main thing to do.
    expect(screen.getByRole('button', { name: 'Change my key now' }).className).not.toContain('primary');
  });

  it('shows an interrupted rotation with Try again and Undo, and confirms the undo', async () => {
    const error = {
      code: 'NETWORK_REFUSED' as const,
      title: 'The connection to AWS failed',
      explanation: 'The connection to AWS was refused or cut off.',
      fix: 'Check your internet connection, then try again.',
      retryable: true,
    };
    let state: KeyStatus = {
      ...idle,
      rotation: rotation({ phase: 'creating', handedOverAt: null, newKeyIdMasked: null, error }),
    };
    const invoke = installFakeAssistant({
      'rotation.status': () => ok(state),
      'rotation.resume': () => ok((state = { ...idle, rotation: rotation({}) })),
      'rotation.rollback': () => ok((state = idle)),
    });
    render(<RotationStep />);
    const user = userEvent.setup();
    expect(await screen.findByText('The connection to AWS failed')).toBeTruthy();
    expect(screen.getByText(/current key is in your keychain and works/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo and keep my old key' }));
    expect(screen.getByText('Undo the change and keep your old key?')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Keep going' }));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(invoke).toHaveBeenCalledWith('rotation.resume', {});
    expect(await screen.findByText('Your new key is ready — update your apps')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo and keep my old key' }));
    await user.click(screen.getByRole('button', { name: 'Yes, undo and keep my old key' }));
    expect(invoke).toHaveBeenCalledWith('rotation.rollback', { confirm: true });
    expect(await screen.findByText('Undone: you are back on your old key AKIA…OLD1')).toBeTruthy();
    expect(screen.getByText('Put the old SMTP password back anywhere you changed it.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change my key now' }).className).not.toContain('primary');
  });

  it('explains missing rights and asks for admin keys, then continues with them', async () => {
    const error = {
      code: 'ROTATION_NEEDS_ADMIN' as const,
      title: 'Your sending user may not change its own keys',
      explanation: 'AWS refused the key change.',
      fix: 'Use admin access for this one rotation.',
      retryable: true,
    };
    let admin: unknown = null;
    const invoke = installFakeAssistant({
      'rotation.status': () =>
        ok({ ...idle, rotation: rotation({ phase: 'checking', handedOverAt: null, error }) }),
      'admin.status': () => ok(admin),
      'rotation.resume': () => ok({ ...idle, rotation: rotation({}) }),
    });
    const { unmount } = render(<RotationStep />);
    expect(await screen.findByText('Your sending user may not change its own keys')).toBeTruthy();
    expect(await screen.findByText('Admin access, for a moment')).toBeTruthy();
    // One way on: the admin form. No second, disabled button for the same thing.
    expect(screen.queryByRole('button', { name: 'Continue with these admin keys' })).toBeNull();
    unmount();

    // Admin keys already given (earlier in this session): one button continues with them.
    admin = {
      arn: 'arn:aws:iam::1:user/admin',
      accountId: '1',
      kind: 'long-term',
      since: '2026-04-15T09:00:00Z',
    };
    render(<RotationStep />);
    await userEvent
      .setup()
      .click(await screen.findByRole('button', { name: 'Continue with these admin keys' }));
    expect(invoke).toHaveBeenCalledWith('rotation.resume', { useAdmin: true });
    expect(await screen.findByText('Your new key is ready — update your apps')).toBeTruthy();
  });

  it('continues the key change by itself once admin keys are given in the form', async () => {
    const error = {
      code: 'ROTATION_NEEDS_ADMIN' as const,
      title: 'Your sending user may not change its own keys',
      explanation: 'AWS said no.',
      fix: 'Give admin keys.',
      retryable: true,
    };
    const invoke = installFakeAssistant({
      'rotation.status': () =>
        ok({ ...idle, rotation: rotation({ phase: 'checking', handedOverAt: null, error }) }),
      'admin.status': () => ok(null),
      'admin.open': () =>
        ok({
          arn: 'arn:aws:iam::1:user/admin',
          accountId: '1',
          kind: 'long-term',
          since: '2026-04-15T09:00:00Z',
        }),
      'rotation.resume': () => ok({ ...idle, rotation: rotation({}) }),
    });
    render(<RotationStep />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Access key ID'), 'AKIAADMINADMINADMIN1');
    await user.type(screen.getByLabelText('Secret access key'), 'a'.repeat(40));
    expect(invoke).not.toHaveBeenCalledWith('rotation.resume', expect.anything());
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    expect(await screen.findByText('Your new key is ready — update your apps')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('rotation.resume', { useAdmin: true });
  });

  it('saves the reminder period, with the router’s message for a bad value', async () => {
    const invoke = installFakeAssistant({
      'rotation.status': () => ok(idle),
      'reminders.set': (input) =>
        (input as { periodDays?: number }).periodDays === 3
          ? {
              ok: false,
              error: {
                code: 'INVALID_INPUT',
                title: 'Some of what was entered is not valid',
                explanation: 'Choose at least 7 days.',
                fix: 'Correct it.',
                retryable: false,
                fields: { periodDays: 'Choose at least 7 days.' },
              },
            }
          : ok({ ...idle, reminders: { ...idle.reminders, periodDays: 30 } }),
    });
    render(<RotationStep />);
    const user = userEvent.setup();
    const period = await screen.findByLabelText('Change the key every (days)');
    await user.clear(period);
    await user.type(period, '3');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose at least 7 days.')).toBeTruthy();
    await user.clear(period);
    await user.type(period, '30');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('reminders.set', { periodDays: 30 }));
    await user.click(screen.getByLabelText(/Start the assistant when I log in/));
    expect(invoke).toHaveBeenCalledWith('reminders.set', { launchAtLogin: true });
    await user.click(screen.getByRole('button', { name: 'Remind me tomorrow' }));
    expect(invoke).toHaveBeenLastCalledWith('reminders.set', { snoozeUntil: expect.any(String) });
  });

  it('shows the waiter’s progress while a step runs', async () => {
    let finish: (v: Result<unknown>) => void = () => undefined;
    installFakeAssistant({
      'rotation.status': () =>
        ok({ ...idle, rotation: rotation({ phase: 'waiting', handedOverAt: null, error: null }) }),
      'rotation.resume': () => new Promise<Result<unknown>>((r) => (finish = r)),
    });
    const listeners: ((p: { task: string; message: string }) => void)[] = [];
    (window.assistant.on as unknown as { mockImplementation: (f: unknown) => void }).mockImplementation(
      (_e: string, l: (p: { task: string; message: string }) => void) => {
        listeners.push(l);
        return () => undefined;
      },
    );
    render(<RotationStep />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Working with AWS…')).toBeTruthy();
    // "Back" would read as "stop": the button says the work goes on.
    expect(screen.getByRole('button', { name: 'Leave this page (the change keeps going)' })).toBeTruthy();
    listeners.forEach((l) => l({ task: 'other', message: 'not ours' }));
    listeners.forEach((l) =>
      l({ task: 'rotation', message: 'Waiting for AWS to accept the new key (attempt 2, 1 s so far)…' }),
    );
    expect(await screen.findByText(/attempt 2, 1 s so far/)).toBeTruthy();
    expect(screen.queryByText('not ours')).toBeNull();
    finish(ok({ ...idle, rotation: rotation({}) }));
    expect(await screen.findByText('Your new key is ready — update your apps')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back' })).toBeTruthy();
  });
});
