import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AdminSummary, AssistantError, Result } from '../../electron/ipc/contract';
import type { SetupRightsView } from '../../electron/ipc/contracts/setup-rights';
import { useAssistant } from '../../renderer/app/store';
import { SetupRightsCard, setupIsDone } from '../../renderer/features/sending-user/SetupRightsCard';
import { installFakeAssistant } from './fake-assistant';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
const ADMIN: AdminSummary = {
  arn: 'arn:aws:iam::123456789012:user/admin',
  accountId: '123456789012',
  kind: 'temporary',
  keyIdMasked: 'ASIA…MPLE',
  since: '2026-11-28T10:00:00.000Z',
  expiresAt: '2026-11-28T10:15:00.000Z',
  latestExpiresAt: '2026-11-28T11:00:00.000Z',
  idleMinutes: 15,
  limits: [],
  rightsCheck: 'simulated',
};

const KEY_MAY =
  'send email; read its sending quota and statistics, your verified senders and the suppression list';
const rights = (state: SetupRightsView['state'], changedAt: string | null = null): SetupRightsView => ({
  state,
  manageable: state !== 'unknown',
  userName: 'ses-setup-assistant-sender',
  accountId: '123456789012',
  policyName: 'SesSetupAssistantSetup',
  changedAt,
  keyMay: KEY_MAY,
});

beforeEach(() => useAssistant.setState({ admin: undefined, adminLapsed: false }));

describe('the “What the app key may do” card', () => {
  it('suggests taking the setup rights away once setup is done, with admin access, and says what is left', async () => {
    let adminOpen = false;
    const invoke = installFakeAssistant({
      'setupRights.status': () => ok(rights('attached')),
      'setupRights.remove': () => ok(rights('removed', '2026-11-28T10:05:00.000Z')),
      'admin.status': () => ok(adminOpen ? ADMIN : null),
      'admin.open': () => {
        adminOpen = true;
        return ok(ADMIN);
      },
    });
    const user = userEvent.setup();
    render(<SetupRightsCard region="us-east-1" setupDone />);
    await screen.findByText(/Setup is done\. Take the setup rights away/);
    expect(document.body.textContent).not.toMatch(/only send/);
    expect(document.body.textContent).toContain(`It may ${KEY_MAY}, and, for setup,`);
    const take = screen.getByRole('button', { name: 'Take the setup rights away' });
    expect(take.className).toContain('primary');
    await user.click(take);
    // Admin keys first: the confirming button waits for them.
    const confirm = screen.getByRole('button', {
      name: 'Take the setup rights away from ses-setup-assistant-sender',
    });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await user.type(await screen.findByLabelText(/Access key ID/i), 'AKIAIOSFODNN7EXAMPLE');
    await user.type(screen.getByLabelText(/Secret access key/i), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    await user.click(
      await screen.findByRole('button', {
        name: 'Take the setup rights away from ses-setup-assistant-sender',
      }),
    );
    await screen.findByText(
      /It may send email; read its sending quota and statistics, your verified senders and the suppression list; nothing more\. Setup rights taken away on 28 November 2026\./,
    );
    // What stays is more than sending: no sentence says the key could only send.
    expect(document.body.textContent).not.toMatch(/only send/);
    expect(invoke).toHaveBeenCalledWith('setupRights.remove', { confirm: true });
    expect(screen.getByRole('button', { name: 'Give the setup rights back' })).toBeTruthy();
  });

  it.each([
    // [in the sandbox, the verified senders' kinds, setup done]
    [false, ['domain'], true],
    [false, ['address'], true], // one verified address is a finished setup too
    [false, [], false],
    [true, ['domain', 'address'], false], // still in the sandbox: the request needs the rights
    [false, ['pending domain'], false],
    [false, ['address', 'pending domain'], false], // the domain still needs the setup rights
  ] as const)(
    'counts setup as done out of the sandbox with a verified sender (sandbox %s, %j)',
    (sandbox, kinds, done) => {
      const identities = kinds.map((k) => ({
        identity: 'x',
        kind: k.endsWith('address') ? ('address' as const) : ('domain' as const),
        state: k.startsWith('pending') ? ('pending' as const) : ('verified' as const),
      }));
      const view = {
        account: { ok: true, value: { sandbox } },
        identities: { ok: true, value: identities },
      } as unknown as Parameters<typeof setupIsDone>[0];
      expect(setupIsDone(view)).toBe(done);
      // A section that could not be read never counts as done.
      expect(setupIsDone({ ...view, identities: { ok: false } } as unknown as typeof view)).toBe(false);
    },
  );

  it.each(['attached', 'removed'] as const)(
    'says in one sentence what the key can read more widely than the screens need, and why (%s)',
    async (state) => {
      installFakeAssistant({ 'setupRights.status': () => ok(rights(state, '2026-11-20T09:00:00.000Z')) });
      render(<SetupRightsCard region="us-east-1" setupDone />);
      const said = await screen.findByText(/AWS has no narrower permission/);
      expect(said.textContent).toBe(
        'AWS has no narrower permission for two of these reads, so the key can see every address on your suppression list and any CloudWatch metric in your account; that is what lets the feedback screen and the dashboard work without admin keys.',
      );
      // One sentence: one full stop, at the end.
      expect(said.textContent!.match(/\.(\s|$)/g)).toHaveLength(1);
    },
  );

  it('keeps them while setup goes on, without pressing', async () => {
    installFakeAssistant({ 'setupRights.status': () => ok(rights('attached')) });
    render(<SetupRightsCard region="us-east-1" setupDone={false} />);
    await screen.findByText(
      /Keep them until your domain \(or address\) is verified and you have production access/,
    );
    expect(screen.getByRole('button', { name: 'Take the setup rights away' }).className).not.toContain(
      'primary',
    );
  });

  it('gives them back, and shows a refusal in words', async () => {
    const refusal: AssistantError = {
      code: 'OTHER_ACCOUNT',
      title: 'These keys open a different AWS account',
      explanation: 'The sending user and its policies were made in AWS account 123456789012.',
      fix: 'Give admin keys of account 123456789012 and try again.',
      retryable: false,
    };
    installFakeAssistant({
      'setupRights.status': () => ok(rights('removed', '2026-11-20T09:00:00.000Z')),
      'setupRights.restore': () => ({ ok: false, error: refusal }),
      'admin.status': () => ok(ADMIN),
    });
    useAssistant.setState({ admin: ADMIN });
    const user = userEvent.setup();
    render(<SetupRightsCard region="us-east-1" setupDone />);
    await user.click(await screen.findByRole('button', { name: 'Give the setup rights back' }));
    await user.click(
      await screen.findByRole('button', { name: 'Give the setup rights back to ses-setup-assistant-sender' }),
    );
    await screen.findByRole('heading', { name: 'These keys open a different AWS account' });
  });

  it('says plainly when the assistant did not make the key, and offers no change to another user', async () => {
    installFakeAssistant({});
    render(<SetupRightsCard region="us-east-1" setupDone />);
    await screen.findByText(/did not make this key’s user here/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers to take them away from a user made by its CloudShell command or console steps', async () => {
    installFakeAssistant({ 'setupRights.status': () => ok({ ...rights('unknown'), manageable: true }) });
    render(<SetupRightsCard region="us-east-1" setupDone />);
    await screen.findByText(/If you made it with the assistant’s CloudShell command/);
    expect(screen.getByRole('button', { name: 'Take the setup rights away' })).toBeTruthy();
  });
});
