import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminSummary } from '../../electron/ipc/contract';
import { AdminAccess } from '../../renderer/components/AdminAccess';
import { installFakeAssistant } from './fake-assistant';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ok = (value: unknown) => ({ ok: true as const, value });

function summary(overrides: Partial<AdminSummary> = {}): AdminSummary {
  const now = Date.now();
  return {
    arn: 'arn:aws:iam::123456789012:user/admin',
    accountId: '123456789012',
    kind: 'long-term',
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
  code: 'ADMIN_MISSING_RIGHTS',
  title: 'These keys are not an administrator’s',
  explanation: 'AWS says these keys may not do what the assistant needs admin access for.',
  fix: 'Use an administrator’s keys instead.',
  retryable: false,
};

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

    // The secret box was emptied when the keys were sent; typing the next secret drops the old error.
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

  it('shows whose keys they are, what they will not do, and when they will be forgotten', async () => {
    installFakeAssistant({
      'admin.status': () =>
        ok(
          summary({
            kind: 'aws-profile',
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
    const panel = document.querySelector('.admin-summary')!.textContent!;
    expect(panel).toContain('user “admin”, account 123456789012');
    expect(panel).toContain('read once from your AWS profile, so later changes to ~/.aws do not affect it');
    expect(panel).toContain('Forgotten in 13 minutes unless a step uses it (after 15 minutes without use)');
    expect(
      screen.getByText(
        'write the DNS records into Route 53 (missing route53:ListHostedZonesByName, route53:ChangeResourceRecordSets)',
      ),
    ).toBeTruthy();
    expect(panel).not.toContain('did not let the assistant check each permission');
  });

  it('says when only a harmless read could be tried', async () => {
    installFakeAssistant({ 'admin.status': () => ok(summary({ rightsCheck: 'read-only' })) });
    render(<AdminAccess region="us-east-1" why="x" />);
    expect(await screen.findByText(/did not let the assistant check each permission/)).toBeTruthy();
  });

  it('shows the form again, saying why, when the window comes back and the keys were forgotten', async () => {
    let held: AdminSummary | null = summary();
    const onChange = vi.fn();
    installFakeAssistant({ 'admin.status': () => ok(held) });
    render(<AdminAccess region="us-east-1" why="x" onChange={onChange} />);
    await screen.findByText('Admin access is open');
    held = null; // the screen was locked: the main process forgot them
    act(() => void window.dispatchEvent(new Event('focus')));
    expect(await screen.findByRole('heading', { name: 'Admin access, for a moment' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('The admin access you gave was forgotten');
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('asks again at the deadline, and keeps counting down when a step used the keys meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const first = summary();
    let held: AdminSummary | null = first;
    const invoke = installFakeAssistant({ 'admin.status': () => ok(held) });
    render(<AdminAccess region="us-east-1" why="x" />);
    await screen.findByText(/Forgotten in 13 minutes/);

    // A step used the keys 5 minutes in: the main process moved the deadline on.
    held = summary({ expiresAt: new Date(Date.now() + 20 * 60_000).toISOString() });
    act(() => void vi.advanceTimersByTime(13 * 60_000));
    await screen.findByText(/Forgotten in 7 minutes/);
    expect(invoke.mock.calls.filter(([c]) => c === 'admin.status')).toHaveLength(2);

    held = null;
    act(() => void vi.advanceTimersByTime(8 * 60_000));
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Admin access, for a moment' })).toBeTruthy(),
    );
    expect(screen.getByRole('status').textContent).toContain('forgotten');
  });
});
