/**
 * The hand-off panel against a fake window.assistant: it shows the message, sends it four ways with
 * secondary buttons only, says in plain words what happened (the long-message path included), shows
 * the watch and stops it, and tells a failure with the fix.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../electron/ipc/contract';
import { HandOffPanel } from '../../renderer/features/handoff/HandOffPanel';
import { installFakeAssistant } from './fake-assistant';

type View = OutputOf<'handoff.prepare'>;

function view(overrides: Partial<View> = {}): View {
  return {
    domain: 'example.com',
    unicodeDomain: 'example.com',
    zone: 'example.com',
    region: 'us-east-1',
    host: {
      id: 'godaddy',
      name: 'GoDaddy',
      recognised: true,
      nameField: 'Name',
      tips: ['In GoDaddy open My Products → your domain → DNS → Add New Record.'],
      whyNotAutomatic:
        'The assistant cannot add these records at GoDaddy for you: GoDaddy opens its DNS API only to accounts with 10 or more domains.',
    },
    records: [
      {
        purpose: 'dkim',
        type: 'CNAME',
        name: 'tok1._domainkey.example.com',
        relativeName: 'tok1._domainkey',
        nameToType: 'tok1._domainkey',
        value: 'tok1.dkim.amazonses.com',
        ttl: 3600,
        why: 'why',
        inPlace: false,
      },
    ],
    nameservers: ['ns51.domaincontrol.com'],
    digLines: ['dig +short CNAME tok1._domainkey.example.com @ns51.domaincontrol.com'],
    allInPlace: false,
    subject: 'DNS records to add for example.com (email through Amazon SES)',
    text: 'Hello,\n\nRecord 1 of 1: DKIM signature key\n  Value: tok1.dkim.amazonses.com\n',
    mail: { fits: false, length: 5200, limit: 2000 },
    watch: { watching: false, since: null, lastCheckedAt: null, doneAt: null },
    ...overrides,
  };
}

const ok = <T,>(value: T) => ({ ok: true as const, value });

describe('the hand-off panel', () => {
  it('shows the message and why the assistant does not add the records at this host, with no primary button', async () => {
    const invoke = installFakeAssistant({ 'handoff.prepare': () => ok(view()) });
    render(<HandOffPanel domain="example.com" />);
    expect(
      screen.getByRole('heading', { name: 'Send these records to whoever manages your DNS' }),
    ).toBeTruthy();
    const preview = await screen.findByRole('region', {
      name: 'Send these records to whoever manages your DNS',
    });
    await waitFor(() => expect(preview.textContent).toContain('Subject: DNS records to add for example.com'));
    expect(preview.textContent).toContain('Value: tok1.dkim.amazonses.com');
    expect(screen.getByText(/10 or more domains/)).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('handoff.prepare', { domain: 'example.com' });
    for (const name of ['Copy the message', 'Save as text', 'Save as web page', 'Open in my mail app'])
      expect(screen.getByRole('button', { name }).className).not.toContain('primary');
    expect(document.querySelector('button.primary')).toBeNull();
    expect(screen.getByText(/first saves it as a file for you to attach/)).toBeTruthy();
  });

  it('copies through the main process, then shows that it keeps checking, and stops when asked', async () => {
    const invoke = installFakeAssistant({
      'handoff.prepare': () => ok(view()),
      'handoff.copy': () => ok({ copied: true, remade: null }),
      'handoff.stopWatching': () => ok({ watching: false, since: null, lastCheckedAt: null, doneAt: null }),
    });
    render(<HandOffPanel domain="example.com" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Copy the message' }));
    expect(invoke).toHaveBeenCalledWith('handoff.copy', { domain: 'example.com' });
    expect(await screen.findByText(/Copied\. Paste it into an email/)).toBeTruthy();
    expect(screen.getByText(/keeps checking example\.com/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Stop checking' }));
    expect(invoke).toHaveBeenCalledWith('handoff.stopWatching', { domain: 'example.com' });
    await waitFor(() => expect(screen.queryByText(/keeps checking/)).toBeNull());
  });

  it('saves as text or as a web page, and says nothing was saved when the person cancels', async () => {
    let answer: string | null = '/home/p/DNS records for example.com.html';
    const invoke = installFakeAssistant({
      'handoff.prepare': () => ok(view()),
      'handoff.save': () => ok({ path: answer, remade: null }),
    });
    render(<HandOffPanel domain="example.com" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save as web page' }));
    expect(invoke).toHaveBeenCalledWith('handoff.save', { domain: 'example.com', format: 'html' });
    expect(
      await screen.findByText('Saved as /home/p/DNS records for example.com.html. Send them that file.'),
    ).toBeTruthy();
    answer = null;
    await userEvent.click(screen.getByRole('button', { name: 'Save as text' }));
    expect(invoke).toHaveBeenCalledWith('handoff.save', { domain: 'example.com', format: 'text' });
    await waitFor(() => expect(screen.queryByText(/Saved as/)).toBeNull());
  });

  it('explains the long-message path: saved, and a short note opened to attach it to', async () => {
    installFakeAssistant({
      'handoff.prepare': () => ok(view()),
      'handoff.mail': () =>
        ok({ opened: true, mode: 'note', attach: '/home/p/DNS records for example.com.txt', remade: null }),
    });
    render(<HandOffPanel domain="example.com" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Open in my mail app' }));
    expect(
      await screen.findByText(
        /saved as \/home\/p\/DNS records for example\.com\.txt\. Your mail app opened with a short note: attach that file/,
      ),
    ).toBeTruthy();
    // Said once: the hint before the click gives way to what happened.
    expect(screen.queryByText(/first saves it as a file/)).toBeNull();
  });

  it('opens the whole message in the mail app when it fits', async () => {
    installFakeAssistant({
      'handoff.prepare': () => ok(view({ mail: { fits: true, length: 900, limit: 2000 } })),
      'handoff.mail': () => ok({ opened: true, mode: 'full', attach: null, remade: null }),
    });
    render(<HandOffPanel domain="example.com" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Open in my mail app' }));
    expect(await screen.findByText(/Your mail app opened with the message/)).toBeTruthy();
    expect(screen.queryByText(/first saves it as a file/)).toBeNull();
  });

  it('says when every record is already in place', async () => {
    installFakeAssistant({ 'handoff.prepare': () => ok(view({ allInPlace: true })) });
    render(<HandOffPanel domain="example.com" />);
    expect(await screen.findByText(/Every record is already in place/)).toBeTruthy();
  });

  it('shows the message that went in place of the one shown, and says why, when the region changed', async () => {
    const before = 'Hello,\n\n  Value: 10 feedback-smtp.us-east-1.amazonses.com\n';
    const after = 'Hello,\n\n  Value: 10 feedback-smtp.eu-west-1.amazonses.com\n';
    const invoke = installFakeAssistant({
      'handoff.prepare': () => ok(view({ text: before })),
      'handoff.copy': () => ok({ copied: true, remade: view({ text: after }) }),
    });
    render(<HandOffPanel domain="example.com" />);
    expect(await screen.findByText(/feedback-smtp\.us-east-1/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Copy the message' }));
    expect(await screen.findByText(/feedback-smtp\.eu-west-1/)).toBeTruthy();
    expect(screen.queryByText(/feedback-smtp\.us-east-1/)).toBeNull();
    expect(document.querySelector('.handoff-result')!.textContent).toBe(
      'Your AWS account or region changed after this message was shown, so it was updated for them: the message below is the one you copied. Copied. Paste it into an email or chat to the person who manages your DNS.',
    );
    // The message that went came with the answer: AWS is not asked again.
    expect(invoke.mock.calls.filter(([channel]) => channel === 'handoff.prepare')).toHaveLength(1);
  });

  it('never says a message went when saving it was cancelled, and still shows the current one', async () => {
    installFakeAssistant({
      'handoff.prepare': () => ok(view({ text: 'Hello,\n\n  Value: old-region\n' })),
      'handoff.save': () => ok({ path: null, remade: view({ text: 'Hello,\n\n  Value: new-region\n' }) }),
    });
    render(<HandOffPanel domain="example.com" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save as text' }));
    expect(await screen.findByText(/new-region/)).toBeTruthy();
    expect(document.querySelector('.handoff-result')!.textContent).toBe(
      'Your AWS account or region changed after this message was shown, so it was updated for them: the message below is the one to send. ',
    );
  });

  it('tells a failure with what to do', async () => {
    installFakeAssistant({
      'handoff.prepare': () => ({
        ok: false,
        error: {
          code: 'DNS_DOMAIN_NOT_VERIFIED',
          title: 'Verify the domain first',
          explanation: 'SES has no DKIM keys for example.com yet.',
          fix: 'Go back to the Sender step and verify the domain.',
          retryable: false,
        },
      }),
    });
    render(<HandOffPanel domain="example.com" />);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText(/Go back to the Sender step/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy the message' })).toBeNull();
  });
});
