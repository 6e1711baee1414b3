import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminSummary } from '../../electron/ipc/contract';
import { AdminAccess } from '../../renderer/components/AdminAccess';
import { AdminIndicator } from '../../renderer/components/AdminIndicator';
import { AdminKeyOffer, keyOffer } from '../../renderer/components/AdminKeyOffer';
import { useAssistant } from '../../renderer/app/store';
import { installFakeAssistant } from './fake-assistant';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ok = (value: unknown) => ({ ok: true as const, value });

function summary(overrides: Partial<AdminSummary> = {}): AdminSummary {
  const now = Date.now();
  return {
    arn: 'arn:aws:iam::123456789012:user/admin',
    accountId: '123456789012',
    kind: 'long-term',
    keyIdMasked: 'AKIA…MPLE',
    since: new Date(now - 2 * 60_000).toISOString(),
    expiresAt: new Date(now + 12.5 * 60_000).toISOString(),
    latestExpiresAt: new Date(now + 58 * 60_000).toISOString(),
    idleMinutes: 15,
    limits: [],
    rightsCheck: 'simulated',
    ...overrides,
  };
}

const missingRights = {
  code: 'ADMIN_MISSING_RIGHTS' as const,
  title: 'These keys are not an administrator’s',
  explanation: 'AWS says these keys may not do what the assistant needs admin access for.',
  fix: 'Use an administrator’s keys instead.',
  retryable: false,
};

beforeEach(() => useAssistant.setState({ admin: undefined, adminLapsed: false, adminKeyDeleted: null }));
afterEach(() => vi.useRealTimers());

describe('the admin access panel', () => {
  it('clears the error about earlier keys as soon as new keys are typed or pasted', async () => {
    const invoke = installFakeAssistant({
      'admin.status': () => ok(null),
      'admin.open': () => ({ ok: false, error: missingRights }),
    });
    render(<AdminAccess region="us-east-1" why="Creating the sending user needs IAM rights." />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Access key ID'), 'AKIAIOSFODNN7EXAMPLE');
    await user.type(screen.getByLabelText('Secret access key'), SECRET);
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    const stale = () => screen.queryByText('These keys are not an administrator’s');
    expect(await screen.findByText('These keys are not an administrator’s')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('admin.open', expect.objectContaining({ source: 'keys' }));

    // Working keys that are not an administrator's stay in the boxes; changing them drops the old error.
    expect((screen.getByLabelText('Secret access key') as HTMLInputElement).value).toBe(SECRET);
    await user.type(screen.getByLabelText('Secret access key'), 'w');
    expect(stale()).toBeNull();

    // The same for a whole block pasted into a box, after another refusal.
    await user.clear(screen.getByLabelText('Secret access key'));
    await user.type(screen.getByLabelText('Secret access key'), SECRET);
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    expect(await screen.findByText('These keys are not an administrator’s')).toBeTruthy();
    fireEvent.paste(screen.getByLabelText('Access key ID'), {
      clipboardData: {
        getData: () => `AWS_ACCESS_KEY_ID=AKIAI44QH8DHBEXAMPLE\nAWS_SECRET_ACCESS_KEY=${SECRET}`,
      },
    });
    expect(stale()).toBeNull();
  });

  it('cleans pasted admin keys of invisible characters and swaps misplaced ones, as the other key form does', async () => {
    const invoke = installFakeAssistant({
      'admin.status': () => ok(null),
      'admin.open': () => ok(summary({ kind: 'temporary' })),
    });
    render(<AdminAccess region="us-east-1" why="x" />);
    const user = userEvent.setup();
    const keyId = (await screen.findByLabelText('Access key ID')) as HTMLInputElement;
    const secret = screen.getByLabelText('Secret access key') as HTMLInputElement;
    await user.click(keyId);
    await user.paste(SECRET);
    await user.click(secret);
    await user.paste('ASIAIOSFODNN7EXAMPLE\u200B');
    await user.click(screen.getByRole('button', { name: 'Swap them' }));
    expect(keyId.value).toBe('ASIAIOSFODNN7EXAMPLE');
    expect(secret.value).toBe(SECRET);
    // A session token copied from a terminal that wrapped it: the line breaks go.
    const token = `IQoJb3JpZ2luX2VjE${'A'.repeat(150)}`;
    await user.click(screen.getByLabelText('Session token'));
    await user.paste(`${token.slice(0, 80)}\n${token.slice(80)}\n`);
    expect((screen.getByLabelText('Session token') as HTMLTextAreaElement).value).toBe(token);
    expect(screen.getByText('Removed 1 invisible character from what you pasted.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('admin.open', {
        source: 'keys',
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        secretAccessKey: SECRET,
        sessionToken: token,
        region: 'us-east-1',
      }),
    );
  });

  it('says on the screen only that it is open, with what these keys will not do for this step', async () => {
    installFakeAssistant({
      'admin.status': () =>
        ok(
          summary({
            limits: [
              {
                feature: 'route53',
                doing: 'write the DNS records into Route 53',
                missing: ['route53:ListHostedZonesByName', 'route53:ChangeResourceRecordSets'],
              },
            ],
          }),
        ),
    });
    render(<AdminAccess region="us-east-1" why="x" />);
    expect(await screen.findByText('Admin access is open')).toBeTruthy();
    expect(document.querySelector('.admin-open-note')!.textContent).toContain(
      '(user “admin”). Its time left and “Forget” are at the top of the window.',
    );
    expect(
      screen.getByText(
        'write the DNS records into Route 53 (missing route53:ListHostedZonesByName, route53:ChangeResourceRecordSets)',
      ),
    ).toBeTruthy();
    // No second "Forget" or countdown on the screen: those are in the header.
    expect(screen.queryByRole('button', { name: 'Forget admin access' })).toBeNull();
  });

  it('recommends temporary keys on the form, with the three ways to get them in plain words', async () => {
    installFakeAssistant({ 'admin.status': () => ok(null) });
    render(<AdminAccess region="us-east-1" why="x" />);
    await screen.findByRole('heading', { name: 'Admin access, for a moment' });
    const form = document.querySelector('form')!.textContent!;
    expect(form).toContain('Best: temporary keys.');
    expect(form).toContain('the assistant offers to delete it once setup is done');
    expect(form).toContain('aws configure export-credentials --format env-no-export');
    expect(form).toContain('aws sts get-session-token --serial-number');
    expect(form).toContain('IAM Identity Center');
  });
});

describe('admin access in the header', () => {
  it('shows nothing while no admin session is open', async () => {
    const invoke = installFakeAssistant({ 'admin.status': () => ok(null) });
    render(<AdminIndicator />);
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('admin.status', {}));
    expect(screen.queryByRole('region', { name: 'Admin access' })).toBeNull();
    expect(screen.queryByText(/Admin access open/)).toBeNull();
  });

  it('shows the time left to the second, whose keys they are, and the limits, with an accessible name', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    installFakeAssistant({ 'admin.status': () => ok(summary({ kind: 'aws-profile', keyIdMasked: null })) });
    render(<AdminIndicator />);
    const region = await screen.findByRole('region', { name: 'Admin access' });
    expect(region.querySelector('.admin-countdown')!.textContent).toBe('12:30');
    expect(within(region).getByText(/forgotten in 12 minutes unless used/)).toBeTruthy();
    act(() => void vi.advanceTimersByTime(5_000));
    expect(region.querySelector('.admin-countdown')!.textContent).toBe('12:25');
    const details = region.textContent!;
    expect(details).toContain('admin keys of user “admin”, account 123456789012, in memory only');
    expect(details).toContain('read once from your AWS profile');
    expect(details).toContain('forgotten after 15 minutes without use');
    expect(details).not.toContain('did not let the assistant check each permission');
  });

  it('opens its details on a click and closes them with Escape or a click elsewhere', async () => {
    installFakeAssistant({ 'admin.status': () => ok(summary()) });
    render(
      <>
        <AdminIndicator />
        <p>Elsewhere</p>
      </>,
    );
    const region = await screen.findByRole('region', { name: 'Admin access' });
    const details = region.querySelector('details')!;
    const user = userEvent.setup();
    await user.click(region.querySelector('summary')!);
    expect(details.open).toBe(true);
    await user.keyboard('{Escape}');
    expect(details.open).toBe(false);
    await user.click(region.querySelector('summary')!);
    expect(details.open).toBe(true);
    await user.click(screen.getByText('Elsewhere'));
    expect(details.open).toBe(false);
  });

  it('says when only a harmless read could be tried', async () => {
    installFakeAssistant({ 'admin.status': () => ok(summary({ rightsCheck: 'read-only' })) });
    render(<AdminIndicator />);
    expect(await screen.findByText(/did not let the assistant check each permission/)).toBeTruthy();
  });

  it('forgets it in one click: the header empties and the screen offers to open it again', async () => {
    let held: AdminSummary | null = summary();
    const invoke = installFakeAssistant({
      'admin.status': () => ok(held),
      'admin.forget': () => {
        held = null;
        return ok(null);
      },
    });
    render(
      <>
        <AdminIndicator />
        <AdminAccess region="us-east-1" why="x" />
      </>,
    );
    await screen.findByText('Admin access is open');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Forget admin access' }));
    expect(invoke).toHaveBeenCalledWith('admin.forget', {});
    expect(await screen.findByRole('heading', { name: 'Admin access, for a moment' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Admin access' })).toBeNull();
    // Forgotten by the person's own click: no "it was forgotten" message.
    expect(screen.queryByText(/The admin access you gave was forgotten/)).toBeNull();
  });

  it('empties, and the screen says why, when the window comes back and the keys were forgotten', async () => {
    let held: AdminSummary | null = summary();
    const onChange = vi.fn();
    installFakeAssistant({ 'admin.status': () => ok(held) });
    render(
      <>
        <AdminIndicator />
        <AdminAccess region="us-east-1" why="x" onChange={onChange} />
      </>,
    );
    await screen.findByText('Admin access is open');
    held = null; // the screen was locked: the main process forgot them
    act(() => void window.dispatchEvent(new Event('focus')));
    expect(await screen.findByRole('heading', { name: 'Admin access, for a moment' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('The admin access you gave was forgotten');
    expect(screen.queryByRole('region', { name: 'Admin access' })).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('asks again only when a minute is left, and keeps counting down when a step used the keys meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    let held: AdminSummary | null = summary();
    const invoke = installFakeAssistant({ 'admin.status': () => ok(held) });
    render(
      <>
        <AdminIndicator />
        <AdminAccess region="us-east-1" why="x" />
      </>,
    );
    await screen.findByText('12:30');
    const asked = () => invoke.mock.calls.filter(([c]) => c === 'admin.status').length;
    const before = asked();

    // A step used the keys meanwhile: the main process moved the deadline on.
    held = summary({ expiresAt: new Date(Date.now() + 20 * 60_000).toISOString() });
    act(() => void vi.advanceTimersByTime(11 * 60_000 + 29_000));
    await screen.findByText('1:01');
    expect(asked()).toBe(before); // one tick a second, but no question before the last minute
    act(() => void vi.advanceTimersByTime(1_000));
    await screen.findByText('8:30');
    expect(asked()).toBe(before + 1);

    held = null;
    act(() => void vi.advanceTimersByTime(8 * 60_000));
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Admin access, for a moment' })).toBeTruthy(),
    );
    expect(screen.getByRole('status').textContent).toContain('forgotten');
    expect(screen.queryByRole('region', { name: 'Admin access' })).toBeNull();
  });
});

describe('deleting a permanent admin key made for setup', () => {
  it('asks first, then deletes the key with itself and forgets admin access', async () => {
    let held: AdminSummary | null = summary({ keyIdMasked: 'AKIA…MPLE' });
    const invoke = installFakeAssistant({
      'admin.status': () => ok(held),
      'admin.deleteKey': () => {
        held = null;
        return ok({ keyIdMasked: 'AKIA…MPLE', userName: 'admin', accountId: '123456789012' });
      },
    });
    render(
      <>
        <AdminIndicator />
        <AdminKeyOffer admin={held!} afterSetup />
      </>,
    );
    const user = userEvent.setup();
    const offers = await screen.findAllByRole('button', { name: 'Delete this admin key…' });
    expect(screen.getAllByText(/permanent/).length).toBeGreaterThan(0);
    await user.click(offers.at(-1)!);
    const confirm = screen.getByRole('group', { name: 'Confirm deleting the admin key' });
    expect(confirm.textContent).toContain('Delete key AKIA…MPLE of user “admin” in account 123456789012?');
    expect(invoke).not.toHaveBeenCalledWith('admin.deleteKey', expect.anything());
    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete the key' }));
    expect(invoke).toHaveBeenCalledWith('admin.deleteKey', { confirm: true });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Admin access' })).toBeNull());
    expect(useAssistant.getState().adminKeyDeleted).toEqual({
      keyIdMasked: 'AKIA…MPLE',
      userName: 'admin',
      accountId: '123456789012',
    });
  });

  it('keeps the key when the person says so, and shows AWS’s refusal in words', async () => {
    installFakeAssistant({
      'admin.status': () => ok(summary({ keyIdMasked: 'AKIA…MPLE' })),
      'admin.deleteKey': () => ({
        ok: false,
        error: {
          code: 'ADMIN_KEY_DELETE_DENIED' as const,
          title: 'AWS did not let this key delete itself',
          explanation: 'The admin user may not delete its own access keys.',
          fix: 'In the AWS console…',
          retryable: false,
        },
      }),
    });
    render(<AdminKeyOffer admin={summary({ keyIdMasked: 'AKIA…MPLE' })} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete this admin key…' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('group', { name: 'Confirm deleting the admin key' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Delete this admin key…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete the key' }));
    expect(await screen.findByText('AWS did not let this key delete itself')).toBeTruthy();
  });

  it('says how to do it by hand for a key from an AWS profile, and offers nothing for temporary keys', () => {
    const { unmount } = render(
      <AdminKeyOffer admin={summary({ kind: 'aws-profile', keyIdMasked: 'AKIA…MPLE' })} />,
    );
    expect(screen.queryByRole('button', { name: 'Delete this admin key…' })).toBeNull();
    expect(screen.getByText(/does not edit/).textContent).toContain(
      'remove its lines from ~/.aws/credentials',
    );
    unmount();
    const { container } = render(
      <AdminKeyOffer admin={summary({ kind: 'temporary', keyIdMasked: 'ASIA…MPLE' })} />,
    );
    expect(container.textContent).toBe('');
    expect(keyOffer(summary({ kind: 'temporary', keyIdMasked: 'ASIA…MPLE' }))).toBeNull();
    expect(keyOffer(summary({ arn: 'arn:aws:iam::123456789012:root', keyIdMasked: 'AKIA…MPLE' }))).toBeNull();
  });
});
