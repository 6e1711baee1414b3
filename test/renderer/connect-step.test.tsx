import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppState, ConnectionReport } from '../../electron/ipc/contract';
import { App } from '../../renderer/app/App';
import { useAssistant } from '../../renderer/app/store';
import { baseState, installFakeAssistant } from './fake-assistant';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const profile = {
  id: 'p1',
  label: 'ses-sender',
  credentialKind: 'long-term' as const,
  accessKeyIdMasked: 'AKIA…MPLE',
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/ses-sender',
  region: 'us-east-1',
  connectedAt: '2026-11-24T10:00:00Z',
};
const report: ConnectionReport = {
  profile,
  userName: 'ses-sender',
  quota: { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 3 },
  sandbox: true,
  testedAt: '2026-11-24T10:00:00Z',
};

beforeEach(() => useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false }));

describe('the Connect AWS step', () => {
  it('checks the key as it is typed, with the router’s rules, before anything is sent', async () => {
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'connect' }) }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText(/Paste an access key/));
    await user.type(await screen.findByLabelText('Access key ID'), 'AKIA123');
    expect(screen.getByText(/20 letters and digits/)).toBeTruthy();
    await user.type(
      screen.getByLabelText('Secret access key'),
      'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9',
    );
    expect(screen.getByText(/looks like an SMTP password/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('connection.connect');
  });

  it('asks for the session token only for temporary keys', async () => {
    installFakeAssistant({ 'app.state': () => ({ ok: true, value: baseState({ step: 'connect' }) }) });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText(/Paste an access key/));
    expect(screen.queryByLabelText('Session token')).toBeNull();
    await user.type(await screen.findByLabelText('Access key ID'), 'ASIAIOSFODNN7EXAMPLE');
    expect(screen.getByLabelText('Session token')).toBeTruthy();
  });

  it('sends valid keys, clears the secret at once, and shows the quota and sandbox', async () => {
    let state: AppState = baseState({ step: 'connect' });
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: state }),
      'connection.connect': () => {
        state = baseState({
          step: 'connected',
          profiles: [profile],
          activeProfileId: 'p1',
          lastReport: report,
        });
        return { ok: true, value: report };
      },
      'regions.list': () => ({
        ok: true,
        value: {
          current: 'us-east-1',
          chosen: false,
          advice: '',
          changeWarning: '',
          regions: [
            {
              code: 'us-east-1',
              name: 'US East (N. Virginia)',
              suits: '',
              smtpHost: 'email-smtp.us-east-1.amazonaws.com',
              recommended: true,
              identities: [],
            },
          ],
        },
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText(/Paste an access key/));
    await user.type(await screen.findByLabelText('Access key ID'), 'AKIAIOSFODNN7EXAMPLE');
    const secret = screen.getByLabelText('Secret access key') as HTMLInputElement;
    await user.type(secret, SECRET);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    await screen.findByText('Your account is in the SES sandbox');
    expect(invoke).toHaveBeenCalledWith('connection.connect', {
      source: 'keys',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: SECRET,
      sessionToken: undefined,
      region: 'us-east-1',
    });
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.getByText(/AKIA…MPLE/)).toBeTruthy();
    expect(screen.getByText(/at most 200 recipients in 24 hours and 1 a second/)).toBeTruthy();
    // The region by its name, the user explained, one primary action and the rest under "More".
    expect(await screen.findByText('US East (N. Virginia), us-east-1')).toBeTruthy();
    expect(screen.getByText(/the AWS user the assistant uses/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('long-term');
    const primaries = [...document.querySelectorAll('button.primary')].map((b) => b.textContent);
    expect(primaries).toEqual(['Continue']);
    expect(screen.getByRole('heading', { name: 'More' })).toBeTruthy();
  });

  it('shows an AWS failure in plain words, and offers session-only mode when the keychain is missing', async () => {
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'connect' }) }),
      'connection.connect': () => ({
        ok: false,
        error: {
          code: 'KEYCHAIN_UNAVAILABLE',
          title: 'No keychain was found on this computer',
          explanation: 'e',
          fix: 'f',
          retryable: true,
        },
      }),
      'keychain.useSessionOnly': () => ({
        ok: true,
        value: baseState({ step: 'connect', keychainMode: 'session-only' }),
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText(/Paste an access key/));
    await user.type(await screen.findByLabelText('Access key ID'), 'AKIAIOSFODNN7EXAMPLE');
    await user.type(screen.getByLabelText('Secret access key'), SECRET);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No keychain was found');
    await user.click(screen.getByRole('button', { name: 'Keep keys for this session only' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('keychain.useSessionOnly', {}));
  });

  it('lists AWS profiles and connects through the chosen one', async () => {
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'connect' }) }),
      'awsProfiles.list': () => ({
        ok: true,
        value: [
          { name: 'work', kind: 'keys', region: 'eu-west-1' },
          { name: 'sso', kind: 'sso' },
        ],
      }),
      'connection.connect': () => ({
        ok: false,
        error: {
          code: 'AWS_PROFILE_UNUSABLE',
          title: 'That AWS profile could not be used',
          explanation: 'e',
          fix: 'f',
          retryable: false,
        },
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText(/Use an AWS profile/));
    await user.selectOptions(await screen.findByLabelText('AWS profile'), 'sso');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText('That AWS profile could not be used');
    expect(invoke).toHaveBeenCalledWith('connection.connect', {
      source: 'profile',
      profileName: 'sso',
      region: 'us-east-1',
    });
  });
});

describe('pasting into the key fields', () => {
  const KEY_ID = 'ASIAIOSFODNN7EXAMPLE';
  const TOKEN = `IQoJb3JpZ2luX2VjE${'A'.repeat(300)}/x+y==`;

  async function openKeysForm() {
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'connect' }) }),
      'connection.connect': () => ({
        ok: false,
        error: {
          code: 'AWS_UNAVAILABLE',
          title: 'AWS did not answer',
          explanation: 'e',
          fix: 'f',
          retryable: true,
        },
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText(/Paste an access key/));
    const keyId = (await screen.findByLabelText('Access key ID')) as HTMLInputElement;
    const secret = screen.getByLabelText('Secret access key') as HTMLInputElement;
    /** Clicks "Test connection" and waits for the keys, as they should be sent. */
    const connectsWith = async (accessKeyId: string, sessionToken?: string) => {
      await user.click(screen.getByRole('button', { name: 'Test connection' }));
      await waitFor(() =>
        expect(invoke).toHaveBeenCalledWith('connection.connect', {
          source: 'keys',
          accessKeyId,
          secretAccessKey: SECRET,
          sessionToken,
          region: 'us-east-1',
        }),
      );
    };
    return { invoke, user, keyId, secret, connectsWith };
  }

  it('keeps a secret access key put in the Access key ID box hidden, says what it is, and moves it in one click', async () => {
    const { user, keyId, secret } = await openKeysForm();
    await user.click(keyId);
    await user.paste(SECRET);
    // Never shown: the box hides it, and the page's text does not hold it.
    expect(keyId.type).toBe('password');
    expect(document.body.textContent).not.toContain(SECRET);
    expect(
      screen.getByText('This is the secret access key; the key ID starts with AKIA or ASIA.'),
    ).toBeTruthy();
    expect(screen.getByText('The secret access key is in the key ID box.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Move it to the secret box' }));
    expect(secret.value).toBe(SECRET);
    expect(keyId.value).toBe('');
    expect(keyId.type).toBe('text');
    expect(document.activeElement).toBe(keyId);
    // A longer secret (an SMTP password, a session token) is cleared the moment it is whole.
    fireEvent.change(keyId, { target: { value: `B${SECRET}abc` } });
    expect(keyId.value).toBe('');
    expect(screen.getByText(/This is a secret \(an SMTP password or a session token\)/)).toBeTruthy();
    // A real key ID then replaces the notice.
    await user.type(keyId, 'AKIAIOSFODNN7EXAMPLE');
    expect(screen.queryByText(/This is a secret/)).toBeNull();
  });

  it('offers to swap a key ID and a secret pasted into each other’s boxes, instead of emptying one', async () => {
    const { invoke, user, keyId, secret, connectsWith } = await openKeysForm();
    await user.click(keyId);
    await user.paste(SECRET);
    await user.click(secret);
    await user.paste('AKIAIOSFODNN7EXAMPLE');
    expect(screen.getByText('The key ID and the secret are in each other’s boxes.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.queryByText('Fill in the fields above first.')).toBeNull();
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('connection.connect');

    await user.click(screen.getByRole('button', { name: 'Swap them' }));
    expect(keyId.value).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(secret.value).toBe(SECRET);
    expect(screen.queryByRole('button', { name: 'Swap them' })).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
    await connectsWith('AKIAIOSFODNN7EXAMPLE');
  });

  it('removes invisible characters a copy brought along, says so under the box, and sends the clean keys', async () => {
    const { user, keyId, secret, connectsWith } = await openKeysForm();
    await user.click(keyId);
    // A zero-width space inside, a byte-order mark in front.
    await user.paste('\uFEFFAKIAIOSFODNN7\u200BEXAMPLE');
    expect(keyId.value).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(screen.getByText('Removed 2 invisible characters from what you pasted.')).toBeTruthy();
    expect(screen.queryByText(/20 letters and digits/)).toBeNull();
    await user.click(secret);
    // A no-break space and a word joiner in the middle: still the 40 characters of a secret.
    await user.paste(`${SECRET.slice(0, 20)}\u00A0\u2060${SECRET.slice(20)}`);
    expect(secret.value).toBe(SECRET);
    expect(
      screen.getByText('Removed 2 invisible characters from what you pasted.', {
        selector: '#secret-access-key-note',
      }),
    ).toBeTruthy();
    expect(screen.queryByText(/console sign-in password/)).toBeNull();
    await connectsWith('AKIAIOSFODNN7EXAMPLE');
  });

  it('reads a block with zero-width spaces in it, and says how many it removed', async () => {
    const { keyId, secret, user } = await openKeysForm();
    await user.click(secret);
    await user.paste(
      `export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7\u200BEXAMPLE\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\u200B\n`,
    );
    expect(keyId.value).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(secret.value).toBe(SECRET);
    expect(screen.getByRole('status').textContent).toBe(
      'Filled in from what you pasted: access key ID, secret access key. Removed 2 invisible characters from what you pasted.',
    );
  });

  it('spreads a CloudShell line pasted into the key ID box over the three fields, and connects with them', async () => {
    const { user, keyId, secret, connectsWith } = await openKeysForm();
    await user.click(keyId);
    await user.paste(
      `AWS_ACCESS_KEY_ID=${KEY_ID} AWS_SECRET_ACCESS_KEY=${SECRET} AWS_SESSION_TOKEN=${TOKEN}`,
    );
    expect(keyId.value).toBe(KEY_ID);
    expect(secret.value).toBe(SECRET);
    expect((screen.getByLabelText('Session token') as HTMLTextAreaElement).value).toBe(TOKEN);
    expect(screen.getByRole('status').textContent).toBe(
      'Filled in from what you pasted: access key ID, secret access key, session token.',
    );
    expect(screen.queryByText(/20 letters and digits/)).toBeNull();
    await connectsWith(KEY_ID, TOKEN);
  });

  it('reads export lines pasted into the secret box, and ini lines, instead of calling them an error', async () => {
    const { user, keyId, secret } = await openKeysForm();
    await user.click(secret);
    await user.paste(
      `export AWS_ACCESS_KEY_ID="AKIAIOSFODNN7EXAMPLE"\nexport AWS_SECRET_ACCESS_KEY="${SECRET}"\n`,
    );
    expect(keyId.value).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(secret.value).toBe(SECRET);
    expect(screen.queryByText(/console sign-in password/)).toBeNull();
    expect(screen.queryByLabelText('Session token')).toBeNull();

    await user.clear(keyId);
    await user.click(keyId);
    await user.paste(
      `[default]\r\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\r\naws_secret_access_key = ${SECRET.replace('w', 'W')}\r\n`,
    );
    expect(keyId.value).toBe('AKIAI44QH8DHBEXAMPLE');
    expect(secret.value).toBe(SECRET.replace('w', 'W'));
  });

  it('reads lines whose breaks the box already removed, and the JSON of aws sts get-session-token', async () => {
    const { keyId, secret } = await openKeysForm();
    fireEvent.change(secret, {
      target: {
        value: `export AWS_ACCESS_KEY_ID=${KEY_ID}export AWS_SECRET_ACCESS_KEY=${SECRET}export AWS_SESSION_TOKEN=${TOKEN}`,
      },
    });
    expect(keyId.value).toBe(KEY_ID);
    expect(secret.value).toBe(SECRET);
    expect((screen.getByLabelText('Session token') as HTMLTextAreaElement).value).toBe(TOKEN);

    fireEvent.change(keyId, {
      target: {
        value: `{ "Credentials": { "AccessKeyId": "ASIAI44QH8DHBEXAMPLE", "SecretAccessKey": "${SECRET}", "SessionToken": "${TOKEN}", "Expiration": "2026-11-25T00:00:00Z" } }`,
      },
    });
    expect(keyId.value).toBe('ASIAI44QH8DHBEXAMPLE');
  });
});

describe('reopening the app', () => {
  it('opens on the step where the person left off, with notices shown', async () => {
    installFakeAssistant({
      'app.state': () => ({
        ok: true,
        value: baseState({
          step: 'connected',
          profiles: [profile],
          activeProfileId: 'p1',
          notices: ['Your settings file was damaged'],
        }),
      }),
    });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Your AWS account is connected' })).toBeTruthy();
    expect(screen.getByText('Your settings file was damaged')).toBeTruthy();
    expect(screen.getByText('Test the connection to see your sending limits.')).toBeTruthy();
  });
});

describe('creating the sending user from the Connect step', () => {
  it('asks for admin access, then creates the user with the chosen options', async () => {
    const opened = {
      arn: 'arn:aws:sts::123456789012:assumed-role/Admin/jo',
      accountId: '123456789012',
      kind: 'temporary',
      keyIdMasked: 'ASIA…MPLE',
      since: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
      latestExpiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
      idleMinutes: 15,
      limits: [],
      rightsCheck: 'simulated',
    };
    let held: typeof opened | null = null;
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'connect' }) }),
      'admin.status': () => ({ ok: true, value: held }),
      'admin.open': () => {
        held = opened;
        return { ok: true, value: opened };
      },
      'sendingUser.create': () => ({
        ok: false,
        error: {
          code: 'NEW_KEY_NOT_ACCEPTED',
          title: 'AWS has not activated the new key yet',
          explanation: 'e',
          fix: 'f',
          retryable: true,
        },
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Admin access, for a moment' });
    await user.type(screen.getByLabelText('Access key ID'), 'ASIAIOSFODNN7EXAMPLE');
    await user.type(screen.getByLabelText('Secret access key'), SECRET);
    await user.type(screen.getByLabelText('Session token'), 'T'.repeat(300));
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    await screen.findByText(/Admin access is open/);
    // The header shows it too, with its time left and one click to forget it.
    expect(await screen.findByRole('region', { name: 'Admin access' })).toBeTruthy();
    expect(document.body.textContent).not.toContain(SECRET);

    // What the policy that stays allows, said in full rather than "send and read your limits".
    expect(
      (await screen.findByText(/one that stays, with which the key may send email; read /)).textContent,
    ).toContain('the suppression list and the reputation alarms');
    await user.type(screen.getByLabelText(/Only allow sending from this address/), 'noreply@example.com');
    await user.click(screen.getByRole('button', { name: 'Create the sending user' }));
    expect(await screen.findByText('AWS has not activated the new key yet')).toBeTruthy();
    // Self-rotation stays off unless the person ticks it, with the trade-off said beside it.
    expect(invoke).toHaveBeenCalledWith('sendingUser.create', {
      region: 'us-east-1',
      fromAddress: 'noreply@example.com',
      selfRotation: false,
    });
    const box = screen.getByRole('checkbox', { name: /Let the key replace itself/ }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.parentElement!.textContent).toMatch(/anyone who stole the key could then make a new key/);
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Create the sending user' }));
    await waitFor(() =>
      expect(invoke.mock.calls.filter(([c]) => c === 'sendingUser.create').at(-1)).toEqual([
        'sendingUser.create',
        { region: 'us-east-1', fromAddress: 'noreply@example.com', selfRotation: true },
      ]),
    );
  });
});

describe('admin keys that are not an administrator’s, on the Connect step', () => {
  const refusal = {
    code: 'ADMIN_MISSING_RIGHTS' as const,
    title: 'These keys are not an administrator’s',
    explanation:
      'These keys work, but AWS refused them even a harmless look at IAM, so they may not create users or give permissions.',
    fix: 'Give an administrator’s keys instead.',
    retryable: false,
    detail: 'iam:ListPolicies',
    missing: [
      {
        feature: 'sending-user',
        doing: 'create the sending user',
        missing: ['iam:GetUser', 'iam:CreateUser', 'iam:CreateAccessKey'],
      },
      {
        feature: 'rotation',
        doing: 'change the sending user’s access key for it',
        missing: ['iam:ListAccessKeys', 'iam:CreateAccessKey'],
      },
    ],
  };

  async function refused() {
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'connect' }) }),
      'admin.status': () => ({ ok: true, value: null }),
      'admin.open': () => ({ ok: false, error: refusal }),
    });
    render(<App />);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Admin access, for a moment' });
    const keyId = screen.getByLabelText('Access key ID') as HTMLInputElement;
    const secret = screen.getByLabelText('Secret access key') as HTMLInputElement;
    await user.type(keyId, 'AKIAIOSFODNN7EXAMPLE');
    await user.type(secret, SECRET);
    await user.click(screen.getByRole('button', { name: 'Use these admin keys' }));
    const panel = await screen.findByRole('alert', { name: 'These keys are not an administrator’s' });
    return { invoke, user, keyId, secret, panel };
  }

  it('says it in one sentence with the fix first, folds the missing rights, and keeps what was typed', async () => {
    const { keyId, secret, panel } = await refused();
    const paragraphs = [...panel.querySelectorAll(':scope > p')].map((p) => p.textContent);
    expect(paragraphs.slice(0, 2)).toEqual([
      refusal.explanation,
      'What to do: Give an administrator’s keys instead.',
    ]);
    // The list is there, folded, and counts each permission once.
    const details = panel.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(within(details).getByText('Which rights are missing (4)')).toBeTruthy();
    expect(details.textContent).toContain(
      'To create the sending user: iam:GetUser, iam:CreateUser, iam:CreateAccessKey',
    );
    // Keys that work but are not an administrator's stay in the boxes, to be corrected.
    expect(keyId.value).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(secret.value).toBe(SECRET);
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('offers to use an existing access key instead, with the key ID typed carried over and not the secret', async () => {
    const { user, panel } = await refused();
    await user.click(within(panel).getByRole('button', { name: 'Use an existing access key instead' }));
    const option = screen.getByLabelText(/Paste an access key/) as HTMLInputElement;
    expect(option.checked).toBe(true);
    expect(document.activeElement).toBe(option);
    expect((screen.getByLabelText('Access key ID') as HTMLInputElement).value).toBe('AKIAIOSFODNN7EXAMPLE');
    expect((screen.getByLabelText('Secret access key') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/The access key ID you typed is filled in/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeTruthy();
  });

  it('offers to set it up in the AWS console instead', async () => {
    const { user, panel } = await refused();
    await user.click(within(panel).getByRole('button', { name: 'Set it up in the AWS console' }));
    expect((screen.getByLabelText(/I’ll do it myself in the AWS console/) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(screen.queryByRole('heading', { name: 'Admin access, for a moment' })).toBeNull();
  });
});
