import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssistantError, OutputOf } from '../../electron/ipc/contract';
import { App } from '../../renderer/app/App';
import { useAssistant } from '../../renderer/app/store';
import { buildSnippets } from '../../electron/features/sending/snippets';
import { baseState, installFakeAssistant } from './fake-assistant';
import { SmtpCopy } from '../../renderer/components/SmtpSecret';

const PASSWORD = 'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9';
const profile = {
  id: 'p1',
  label: 'ses-sender',
  credentialKind: 'long-term' as const,
  accessKeyIdMasked: 'AKIA…MPLE',
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/ses-sender',
  region: 'eu-west-1',
  connectedAt: '2026-11-24T10:00:00Z',
};
const settings: OutputOf<'smtp.settings'> = {
  region: 'eu-west-1',
  host: 'email-smtp.eu-west-1.amazonaws.com',
  ports: { starttls: 587, tls: 465 },
  alternatePorts: { starttls: 2587, tls: 2465 },
  userNameMasked: 'AKIA…MPLE',
  passwordAvailable: true,
};
const smtpAuth: AssistantError = {
  code: 'SMTP_AUTH',
  title: 'The SMTP password was not accepted',
  explanation:
    'SES did not accept this user name and password for eu-west-1. The assistant used the password shown above, so this access key has most likely been switched off or deleted in AWS.',
  fix: 'Connect with different keys of a user that may send, or change your key now.',
  retryable: false,
};

const SNIPPETS = buildSnippets({
  region: 'eu-west-1',
  smtpHost: 'email-smtp.eu-west-1.amazonaws.com',
  from: 'hello@shop.example',
  keyIdMasked: 'AKIA…MPLE',
});

function answers(overrides: Parameters<typeof installFakeAssistant>[0] = {}) {
  return installFakeAssistant({
    'app.state': () => ({
      ok: true,
      value: baseState({ step: 'smtp', profiles: [profile], activeProfileId: 'p1', region: 'eu-west-1' }),
    }),
    'smtp.settings': () => ({ ok: true, value: settings }),
    'smtp.copy': () => ({ ok: true, value: { copied: true } }),
    'smtp.revealPassword': () => ({ ok: true, value: { password: PASSWORD } }),
    'clipboard.copy': () => ({ ok: true, value: { copied: true } }),
    'snippets.list': () => ({ ok: true, value: SNIPPETS }),
    'snippets.copyEnv': () => ({ ok: true, value: { copied: true } }),
    'wizard.goTo': (input) => ({
      ok: true,
      value: baseState({
        step: (input as { step: 'connected' }).step,
        profiles: [profile],
        activeProfileId: 'p1',
      }),
    }),
    ...overrides,
  });
}

beforeEach(() => useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false }));

describe('the SMTP settings screen', () => {
  it('shows the region’s host, both ports and the masked user name, with the password hidden', async () => {
    const invoke = answers();
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'SMTP settings for your apps' })).toBeTruthy();
    expect(await screen.findByText('email-smtp.eu-west-1.amazonaws.com')).toBeTruthy();
    // The ports that get past networks blocking 587 and 465.
    expect(screen.getByText('2587').closest('dd')!.textContent).toMatch(/2587 \(STARTTLS\) and 2465 \(TLS\)/);
    expect(screen.getByText(/with STARTTLS \(recommended\)/)).toBeTruthy();
    expect(screen.getByText('465')).toBeTruthy();
    expect(screen.getByText('AKIA…MPLE')).toBeTruthy();
    expect(screen.getByLabelText('Password hidden')).toBeTruthy();
    expect(screen.getByText(/not your secret access key: it is calculated from it/)).toBeTruthy();
    expect(document.body.textContent).not.toContain(PASSWORD);
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('smtp.revealPassword');
  });

  it('copies the password in the main process, so it never reaches the page', async () => {
    const invoke = answers();
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Copy password' }));
    expect(invoke).toHaveBeenCalledWith('smtp.copy', { what: 'password' });
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy user name' }));
    expect(invoke).toHaveBeenCalledWith('smtp.copy', { what: 'userName' });
    expect(document.body.textContent).not.toContain(PASSWORD);
  });

  it('shows the password only after a click on Show, and hides it again', async () => {
    const invoke = answers();
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Show' }));
    expect(invoke).toHaveBeenCalledWith('smtp.revealPassword', { confirm: true });
    expect((await screen.findByTestId('smtp-password')).textContent).toBe(PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(document.body.textContent).not.toContain(PASSWORD);
    expect(screen.getByRole('button', { name: 'Show' })).toBeTruthy();
  });

  it('tests the login on the chosen port with progress, then says it worked', async () => {
    let finish: (v: { ok: true; value: OutputOf<'smtp.testLogin'> }) => void = () => undefined;
    const invoke = answers({
      'smtp.testLogin': () => new Promise((resolve) => (finish = resolve)),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText('465 (TLS)'));
    await user.click(screen.getByRole('button', { name: 'Test SMTP login' }));
    expect(invoke).toHaveBeenCalledWith('smtp.testLogin', { port: 465 });
    const busy = screen.getByRole('button', {
      name: 'Logging in to the SES mail server…',
    }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    finish({
      ok: true,
      value: { ok: true, host: 'email-smtp.eu-west-1.amazonaws.com', port: 465, tookMs: 180 },
    });
    expect((await screen.findByText('The login worked.')).parentElement?.textContent).toMatch(
      /on port 465 \(in 180 ms\)/,
    );
  });

  it('explains a refused login as a key problem and offers other keys or a new key', async () => {
    const invoke = answers({ 'smtp.testLogin': () => ({ ok: false, error: smtpAuth }) });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Test SMTP login' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The SMTP password was not accepted');
    expect(alert.textContent).toContain('switched off or deleted in AWS');
    expect(screen.getByRole('button', { name: 'Test SMTP login' })).toBeTruthy();
    const other = within(alert).getByRole('button', { name: 'Use different keys' });
    expect(other.className).toContain('primary');
    expect(within(alert).getByRole('button', { name: 'Change my key now' })).toBeTruthy();
    await user.click(other);
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step: 'connect' }));
  });

  it('offers to change the key from a refused login', async () => {
    const invoke = answers({
      'smtp.testLogin': () => ({ ok: false, error: smtpAuth }),
      // The rotation screen is another test's business: stay on this one.
      'wizard.goTo': () => ({
        ok: true,
        value: baseState({ step: 'smtp', profiles: [profile], activeProfileId: 'p1', region: 'eu-west-1' }),
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Test SMTP login' }));
    await user.click(await screen.findByRole('button', { name: 'Change my key now' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step: 'rotation' }));
  });

  it('keeps the password’s two buttons together, the same size, shown or hidden', async () => {
    answers();
    render(<App />);
    const user = userEvent.setup();
    const show = await screen.findByRole('button', { name: 'Show' });
    const copy = screen.getByRole('button', { name: 'Copy password' });
    expect(show.parentElement).toBe(copy.parentElement);
    expect(show.parentElement?.className).toBe('button-row');
    expect(show.className).toBe(copy.className);
    await user.click(show);
    const hide = await screen.findByRole('button', { name: 'Hide' });
    expect(hide.parentElement).toBe(copy.parentElement);
    expect(hide.className).toBe(copy.className);
  });

  it('says plainly why an AWS-profile connection has no SMTP password, and offers to connect with keys', async () => {
    const invoke = answers({
      'smtp.settings': () => ({
        ok: true,
        value: {
          ...settings,
          userNameMasked: null,
          passwordAvailable: false,
          unavailableReason: 'SMTP passwords can only be made for access keys the assistant keeps.',
        },
      }),
    });
    render(<App />);
    expect(await screen.findByText('No SMTP password for this connection')).toBeTruthy();
    expect(screen.getByText(/only be made for access keys the assistant keeps/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Test SMTP login' })).toBeNull();
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Connect with the sending user’s keys' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step: 'connect' }));
  });

  it('is reached from the Connected screen', async () => {
    const invoke = answers({
      'app.state': () => ({
        ok: true,
        value: baseState({ step: 'connected', profiles: [profile], activeProfileId: 'p1' }),
      }),
      'wizard.goTo': (input) => ({
        ok: true,
        value: baseState({
          step: (input as { step: 'smtp' }).step,
          profiles: [profile],
          activeProfileId: 'p1',
        }),
      }),
    });
    render(<App />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'SMTP settings for your apps' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step: 'smtp' }));
    expect(await screen.findByText('email-smtp.eu-west-1.amazonaws.com')).toBeTruthy();
  });

  it('offers code that loads its .env, and copies the .env with the password in the main process', async () => {
    const invoke = answers();
    const user = userEvent.setup();
    render(<App />);
    const panel = within(await screen.findByRole('region', { name: 'Code for your own apps' }));
    // SMTP code first, as recommended.
    const code = panel.getByLabelText('Node.js with nodemailer (SMTP, recommended)');
    expect(code.textContent).toContain("import 'dotenv/config'");
    expect(code.textContent).toContain("from: 'hello@shop.example'");
    expect(panel.queryByTestId('api-note')).toBeNull();
    await user.click(panel.getByRole('button', { name: 'Copy .env with your password' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('snippets.copyEnv', {}));
    expect(await panel.findByRole('button', { name: 'Copied' })).toBeTruthy();
    expect(document.body.textContent).not.toContain(PASSWORD);
    // The API code says where its key comes from.
    await user.selectOptions(panel.getByLabelText('Language'), 'python-boto3');
    expect(panel.getByTestId('api-note').textContent).toMatch(/does not hand out/);
    expect(panel.getByLabelText('Python with boto3 (API)').textContent).toContain('load_dotenv()');
  });

  it('offers no password copy when this connection cannot make one', async () => {
    answers({
      'smtp.settings': () => ({
        ok: true,
        value: {
          ...settings,
          passwordAvailable: false,
          unavailableReason: 'This connection uses an AWS profile.',
        },
      }),
    });
    render(<App />);
    const panel = within(await screen.findByRole('region', { name: 'Code for your own apps' }));
    expect(panel.queryByRole('button', { name: 'Copy .env with your password' })).toBeNull();
    expect(panel.getByRole('button', { name: 'Copy the empty .env' })).toBeTruthy();
  });
});

describe('the copy button', () => {
  it('leaves no timer behind once the screen is gone', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      installFakeAssistant({ 'smtp.copy': () => ({ ok: true, value: { copied: true } }) });
      const { unmount } = render(<SmtpCopy what="password" label="Copy password" />);
      fireEvent.click(screen.getByRole('button', { name: 'Copy password' }));
      await screen.findByRole('button', { name: 'Copied' });
      unmount();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
