import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutputOf } from '../../electron/ipc/contract';
import { adviceFor, type IdentityState } from '../../electron/features/identities/identities';
import { mailFromMeaning } from '../../electron/core/facts/mail-from';
import { App } from '../../renderer/app/App';
import { pollDelay } from '../../renderer/features/identities/IdentityStep';
import { useAssistant } from '../../renderer/app/store';
import { baseState, installFakeAssistant, keptDrafts } from './fake-assistant';

type Identity = OutputOf<'identities.status'>;

function identity(name: string, state: IdentityState): Identity {
  const kind = name.includes('@') ? 'address' : 'domain';
  const sesStatus =
    ({ verified: 'Success', pending: 'Pending', failed: 'Failed' } as const)[state as 'verified'] ??
    'NotStarted';
  return {
    identity: name,
    kind,
    region: 'eu-west-1',
    state,
    sesStatus,
    ...(kind === 'domain' ? { dkim: { enabled: true, status: sesStatus, tokens: ['a', 'b', 'c'] } } : {}),
    advice: adviceFor(state, kind),
  };
}

const state = baseState({ step: 'identity', region: 'eu-west-1' });

beforeEach(() => useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false }));
afterEach(() => vi.useRealTimers());

/** The Sender screen with no identities yet, its drafts kept as the settings would keep them. */
function openWithKeptDrafts() {
  const kept = keptDrafts();
  installFakeAssistant({
    'app.state': () => ({ ok: true, value: state }),
    'identities.list': () => ({ ok: true, value: [] }),
    ...kept.answers,
  });
  return { kept, first: render(<App />), user: userEvent.setup() };
}

describe('the Sender screen', () => {
  it('shows pending, failed and verified as different things, each with what to do', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'identities.list': () => ({
        ok: true,
        value: [
          identity('broken.com', 'failed'),
          identity('waiting.com', 'pending'),
          identity('good.com', 'verified'),
        ],
      }),
      'identities.status': (input) => ({
        ok: true,
        value: identity((input as { identity: string }).identity, 'pending'),
      }),
    });
    render(<App />);
    await screen.findByRole('heading', { name: 'Choose who your mail comes from' });
    // Wait for the identities themselves: the progress bar's items are list items too, and are
    // there before the list of identities arrives.
    await screen.findAllByText(/broken\.com/);
    const rows = screen.getAllByRole('listitem');
    const byName = (n: string) => rows.find((r) => r.textContent?.includes(n))!;

    const failed = within(byName('broken.com'));
    failed.getByText('Verification failed');
    failed.getByText(/looked for your DNS records for 72 hours, did not find them, and gave up/);
    failed.getByRole('button', { name: 'Verify again' });

    const pending = within(byName('waiting.com'));
    pending.getByText('Waiting for DNS records');
    pending.getByText(/Pending does not mean anything is wrong/);
    expect(pending.queryByText(/failed/i)).toBeNull();
    expect(pending.queryByRole('button', { name: 'Verify again' })).toBeNull();
    pending.getByRole('button', { name: 'Show the DNS records' });

    const ok = within(byName('good.com'));
    ok.getByText('Verified');
    expect(ok.queryByRole('button')).toBeNull();
    screen.getByText('This screen checks again by itself while it is open.');
  });

  it('polls a pending identity with growing waits, shows when it turns verified, and stops after leaving', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let checks = 0;
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'identities.list': () => ({ ok: true, value: [identity('waiting.com', 'pending')] }),
      'identities.status': () => {
        checks += 1;
        return { ok: true, value: identity('waiting.com', checks >= 2 ? 'verified' : 'pending') };
      },
    });
    const view = render(<App />);
    await screen.findByText('Waiting for DNS records');
    await act(() => vi.advanceTimersByTimeAsync(pollDelay(0)));
    expect(checks).toBe(1);
    // The second wait is longer: nothing happens after only the first delay again.
    await act(() => vi.advanceTimersByTimeAsync(pollDelay(0)));
    expect(checks).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(pollDelay(1) - pollDelay(0)));
    expect(checks).toBe(2);
    await screen.findByText('Verified');
    // Verified: nothing left to poll.
    await act(() => vi.advanceTimersByTimeAsync(120_000));
    expect(checks).toBe(2);
    view.unmount();
    expect(invoke.mock.calls.filter(([c]) => c === 'identities.status')).toHaveLength(2);
  });

  it('stops polling when the screen closes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let checks = 0;
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'identities.list': () => ({ ok: true, value: [identity('waiting.com', 'pending')] }),
      'identities.status': () => {
        checks += 1;
        return { ok: true, value: identity('waiting.com', 'pending') };
      },
    });
    const view = render(<App />);
    await screen.findByText('Waiting for DNS records');
    view.unmount();
    await act(() => vi.advanceTimersByTimeAsync(300_000));
    expect(checks).toBe(0);
  });

  it('verifies a domain, checking the input with the router’s rule first', async () => {
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'identities.list': () => ({ ok: true, value: [] }),
      'identities.verifyDomain': () => ({ ok: true, value: identity('example.com', 'pending') }),
      'identities.status': () => ({ ok: true, value: identity('example.com', 'pending') }),
    });
    render(<App />);
    const user = userEvent.setup();
    const field = await screen.findByLabelText('Your domain');
    await user.type(field, 'http://example.com/');
    screen.getByText('Enter a domain such as example.com, without http:// or a path.');
    expect(screen.getByRole('button', { name: 'Verify this domain' })).toHaveProperty('disabled', true);
    await user.clear(field);
    await user.type(field, 'Example.com');
    await user.click(screen.getByRole('button', { name: 'Verify this domain' }));
    await screen.findByText('Waiting for DNS records');
    expect(invoke).toHaveBeenCalledWith('identities.verifyDomain', { domain: 'example.com' });
    screen.getByRole('button', { name: 'Continue to DNS records' });
  });

  it('keeps a domain typed but not verified, with its bounce subdomain, across a restart', async () => {
    const { kept, first, user } = openWithKeptDrafts();
    await user.type(await screen.findByLabelText('Your domain'), 'shop.example.org');
    await user.click(screen.getByText('Advanced: bounce subdomain (MAIL FROM)'));
    await user.type(screen.getByLabelText('MAIL FROM subdomain'), 'mail');
    await waitFor(() =>
      expect(kept.drafts.sender).toEqual({ kind: 'domain', value: 'shop.example.org', mailFrom: 'mail' }),
    );
    first.unmount();

    // The app opened again: the screen reads back what it kept, the folded field shown.
    render(<App />);
    await waitFor(() =>
      expect((screen.getByLabelText('Your domain') as HTMLInputElement).value).toBe('shop.example.org'),
    );
    expect((screen.getByLabelText('MAIL FROM subdomain') as HTMLInputElement).value).toBe('mail');
    expect(screen.getByText('Advanced: bounce subdomain (MAIL FROM)').closest('details')!.open).toBe(true);
    expect(screen.getByRole('button', { name: 'Verify this domain' })).toHaveProperty('disabled', false);
  });

  it('keeps the choice of one address, typed, across a restart', async () => {
    const { kept, first, user } = openWithKeptDrafts();
    await user.click(await screen.findByLabelText(/One email address/));
    await user.type(screen.getByLabelText('Email address'), 'me@example.org');
    await waitFor(() =>
      expect(kept.drafts.sender).toMatchObject({ kind: 'address', value: 'me@example.org' }),
    );
    first.unmount();
    render(<App />);
    await waitFor(() =>
      expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe('me@example.org'),
    );
    expect((screen.getByLabelText(/One email address/) as HTMLInputElement).checked).toBe(true);
  });

  it('keeps a domain verified while the list was still on its way', async () => {
    let answerList!: (r: { ok: true; value: Identity[] }) => void;
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'identities.list': () => new Promise((resolve) => (answerList = resolve)),
      'identities.verifyDomain': () => ({ ok: true, value: identity('example.com', 'pending') }),
      'identities.status': () => ({ ok: true, value: identity('example.com', 'pending') }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your domain'), 'example.com');
    await user.click(screen.getByRole('button', { name: 'Verify this domain' }));
    await screen.findByText('Waiting for DNS records');
    // The list asked for on arrival answers now, without the domain just verified (it predates it).
    await act(async () => answerList({ ok: true, value: [identity('older.example', 'verified')] }));
    await screen.findByText('older.example');
    expect(screen.getByText('example.com')).toBeTruthy();
  });

  it('tells an address apart: it waits for the email link and can send it again', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'identities.list': () => ({ ok: true, value: [identity('me@example.org', 'pending')] }),
      'identities.status': () => ({ ok: true, value: identity('me@example.org', 'pending') }),
    });
    render(<App />);
    await screen.findByText('Waiting for the email link');
    screen.getByText(/Open that mailbox and click the link/);
    screen.getByRole('button', { name: 'Send the email again' });
  });
});

describe('what comes after the Sender screen', () => {
  it('keeps the test send closed until a sender is verified, and says why', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'identities.list': () => ({ ok: true, value: [identity('me@example.org', 'pending')] }),
      'identities.status': () => ({ ok: true, value: identity('me@example.org', 'pending') }),
    });
    render(<App />);
    const button = await screen.findByRole('button', { name: 'Continue to a test send' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-describedby')).toBe('identity-continue-why');
    screen.getByText(/Verify a sender first/);
  });

  it('opens the test send once an address is verified', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'identities.list': () => ({ ok: true, value: [identity('me@example.org', 'verified')] }),
    });
    render(<App />);
    const button = await screen.findByRole('button', { name: 'Continue to a test send' });
    expect(button).toHaveProperty('disabled', false);
    expect(screen.queryByText(/Verify a sender first/)).toBeNull();
  });

  it('after a verified domain, points to the remaining records rather than all of them', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'identities.list': () => ({ ok: true, value: [identity('example.com', 'verified')] }),
    });
    render(<App />);
    await screen.findByText('Next: check the remaining records (bounces and DMARC).');
    expect(screen.queryByText(/add the DNS records SES needs/)).toBeNull();
    screen.getByRole('button', { name: 'Continue to DNS records' });
  });
});

describe('the backoff', () => {
  it('starts at 5 seconds, doubles, and never waits more than a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(pollDelay)).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('says in plain words what a missing bounce-subdomain MX record means for the mail', async () => {
    const withMailFrom = (name: string, behavior: 'UseDefaultValue' | 'RejectMessage'): Identity => ({
      ...identity(name, 'verified'),
      mailFrom: {
        domain: `bounce.${name}`,
        status: 'Pending',
        behaviorOnMxFailure: behavior,
        meaning: mailFromMeaning(`bounce.${name}`, 'Pending', behavior),
      },
    });
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'identities.list': () => ({
        ok: true,
        value: [withMailFrom('fallback.com', 'UseDefaultValue'), withMailFrom('strict.com', 'RejectMessage')],
      }),
    });
    render(<App />);
    await screen.findAllByText(/fallback\.com/);
    const [fallback, strict] = screen.getAllByTestId('mail-from-meaning');
    expect(fallback!.textContent).toMatch(
      /your mail still goes out, with SES’s own amazonses\.com bounce address/,
    );
    expect(strict!.textContent).toMatch(/sends from it fail/);
  });
});
