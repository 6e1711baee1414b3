import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OutputOf } from '../../electron/ipc/contract';
import { CloudflarePanel } from '../../renderer/features/cloudflare/CloudflarePanel';
import { installFakeAssistant, type Answers } from './fake-assistant';

const DOMAIN = 'example.com';
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xy';
const zone = { id: 'z1', name: DOMAIN, status: 'active' };

type Preview = OutputOf<'cloudflare.preview'>;

function previewWith(changes: Partial<Preview['changes'][number]>[]): Preview {
  return {
    domain: DOMAIN,
    zone,
    changes: changes.map((c, i) => ({
      purpose: 'dkim',
      type: 'CNAME',
      name: `t${i}._domainkey.${DOMAIN}`,
      value: `t${i}.dkim.amazonses.com`,
      action: 'add',
      unproxy: false,
      ...c,
    })),
    leftAlone: [
      { type: 'TXT', name: DOMAIN, content: 'v=spf1 -all', why: 'Your domain’s own SPF record, kept.' },
    ],
    otherRecords: 3,
    spf: null,
    notes: [],
    digest: 'c'.repeat(64),
  };
}

const status = (tokenSaved: boolean, otherZoneNames: string[] = []) => ({
  ok: true as const,
  value: {
    domain: DOMAIN,
    tokenSaved,
    zone: tokenSaved ? zone : null,
    otherZones: otherZoneNames.length,
    otherZoneNames,
  },
});

/** Cloudflare's refusal of a token that reaches other domains, as the main process words it. */
const reachesOthers = (names: string[]) => ({
  ok: false as const,
  error: {
    code: 'CLOUDFLARE_TOKEN_OTHER_ZONES' as const,
    title: `This token can change ${names.length} other domains too`,
    explanation: `Besides ${DOMAIN}, it may change the DNS of ${names.join(' and ')}.`,
    fix: 'Make a token for this domain alone, or confirm the domains it can also change.',
    retryable: false,
    names,
  },
});

function paste(text: string) {
  fireEvent.paste(screen.getByLabelText('Cloudflare token'), { clipboardData: { getData: () => text } });
}

function setup(answers: Answers) {
  const onWritten = vi.fn();
  const invoke = installFakeAssistant({ 'cloudflare.status': () => status(false), ...answers });
  render(<CloudflarePanel domain={DOMAIN} mailFrom={`bounce.${DOMAIN}`} onWritten={onWritten} />);
  return { invoke, onWritten };
}

describe('the Cloudflare panel', () => {
  it('sends a pasted token at once, clears it, shows the change and writes it on one click', async () => {
    const preview = previewWith([{}, { action: 'in-place' }]);
    const { invoke, onWritten } = setup({
      'cloudflare.openTokenPage': () => ({ ok: true, value: { opened: true } }),
      'cloudflare.connect': () => status(true),
      'cloudflare.preview': () => ({ ok: true, value: preview }),
      'cloudflare.write': () => ({
        ok: true,
        value: { ...preview, written: [preview.changes[0]!], skipped: [], stale: false },
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Open Cloudflare’s token page' }));
    expect(invoke).toHaveBeenCalledWith('cloudflare.openTokenPage', { domain: DOMAIN });
    await screen.findByText('Cloudflare’s token page opened in your browser.');

    paste(TOKEN);
    const write = await screen.findByRole('button', { name: 'Write 1 record at Cloudflare' });
    expect(invoke).toHaveBeenCalledWith('cloudflare.connect', { domain: DOMAIN, token: TOKEN });
    expect(invoke.mock.calls.filter(([c]) => c === 'cloudflare.connect')).toHaveLength(1);
    expect(write.className).toContain('primary');
    expect(document.body.textContent).not.toContain(TOKEN);
    screen.getByText(/1 record to add, 0 to change, 1 already right, 4 left alone/);

    await user.click(write);
    expect(invoke).toHaveBeenCalledWith('cloudflare.write', {
      domain: DOMAIN,
      confirm: true,
      spf: 'keep',
      unproxy: false,
      mailFrom: `bounce.${DOMAIN}`,
      digest: preview.digest,
    });
    await screen.findByText('Wrote 1 record at Cloudflare.');
    expect(onWritten).toHaveBeenCalledOnce();
  });

  it('shows the new preview, writing nothing, when the zone changed after the one confirmed', async () => {
    const shown = previewWith([{}]);
    const now = { ...previewWith([{}, {}]), digest: 'f'.repeat(64) };
    const { onWritten } = setup({
      'cloudflare.status': () => status(true),
      'cloudflare.preview': () => ({ ok: true, value: shown }),
      'cloudflare.write': () => ({ ok: true, value: { ...now, written: [], skipped: [], stale: true } }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Write 1 record at Cloudflare' }));
    await screen.findByText(/changed after these records were shown, so nothing was written/);
    screen.getByRole('button', { name: 'Write 2 records at Cloudflare' });
    expect(screen.queryByText(/Wrote/)).toBeNull();
    expect(onWritten).not.toHaveBeenCalled();
  });

  it('says what is wrong with a typed token before sending anything', async () => {
    const { invoke } = setup({});
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Cloudflare token'), 'short');
    await screen.findByText(/shorter than a Cloudflare token/);
    expect((screen.getByRole('button', { name: 'Use this token' }) as HTMLButtonElement).disabled).toBe(true);
    expect(invoke.mock.calls.some(([c]) => c === 'cloudflare.connect')).toBe(false);
  });

  it('switches a proxied record to DNS only only when the person ticks it', async () => {
    const preview = previewWith([
      {},
      { action: 'change', unproxy: true, proxied: true, current: 't1.dkim.amazonses.com' },
    ]);
    preview.changes[1]!.value = 't1.dkim.amazonses.com';
    const { invoke } = setup({
      'cloudflare.status': () => status(true),
      'cloudflare.preview': () => ({ ok: true, value: preview }),
      'cloudflare.write': () => ({
        ok: true,
        value: { ...preview, written: preview.changes, skipped: [], stale: false },
      }),
    });
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Write 1 record at Cloudflare' });
    screen.getByText(/proxied, orange cloud/);
    await user.click(screen.getByLabelText('Switch it to DNS only'));
    await user.click(screen.getByRole('button', { name: 'Write 2 records at Cloudflare' }));
    expect(invoke).toHaveBeenCalledWith('cloudflare.write', expect.objectContaining({ unproxy: true }));
  });

  it('shows Cloudflare’s refusal in words and keeps the field empty', async () => {
    setup({
      'cloudflare.connect': () => ({
        ok: false,
        error: {
          code: 'CLOUDFLARE_TOKEN_INVALID',
          title: 'Cloudflare did not accept this token',
          explanation: 'e',
          fix: 'Make a new one.',
          retryable: false,
        },
      }),
    });
    await screen.findByLabelText('Cloudflare token');
    paste(TOKEN);
    await screen.findByRole('heading', { name: 'Cloudflare did not accept this token' });
    expect((screen.getByLabelText('Cloudflare token') as HTMLInputElement).value).toBe('');
  });

  it('says which other domains a kept token can change, as the person agreed, and forgets it on request', async () => {
    const { invoke } = setup({
      'cloudflare.status': () => status(true, ['other.test', 'shop.test']),
      'cloudflare.preview': () => ({ ok: true, value: previewWith([{}]) }),
      'cloudflare.forget': () => status(false),
    });
    await screen.findByText(/can also change the DNS of other\.test and shop\.test, as you agreed/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Forget the token' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('cloudflare.forget', { domain: DOMAIN }));
    await screen.findByLabelText('Cloudflare token');
  });

  it('asks before keeping a token that can change other domains, naming them, and sends exactly those', async () => {
    const names = ['other.test', 'shop.test'];
    const preview = previewWith([{}]);
    let answers = 0;
    const { invoke } = setup({
      'cloudflare.openTokenPage': () => ({ ok: true, value: { opened: true } }),
      // Refused until the confirmation names both domains.
      'cloudflare.connect': (input) => {
        answers++;
        const allowed = (input as { allowOtherZones?: string[] }).allowOtherZones;
        return allowed?.join() === names.join() ? status(true, names) : reachesOthers(names);
      },
      'cloudflare.preview': () => ({ ok: true, value: preview }),
    });
    const user = userEvent.setup();
    await screen.findByLabelText('Cloudflare token');
    paste(TOKEN);
    await screen.findByRole('heading', { name: 'This token can change 2 other domains too' });
    const listed = screen.getByRole('list', { name: 'The other domains this token can change' });
    expect([...listed.querySelectorAll('li')].map((li) => li.textContent)).toEqual(names);
    expect(document.body.textContent).not.toContain(TOKEN);

    const keep = screen.getByRole('button', { name: 'Keep this token' }) as HTMLButtonElement;
    expect(keep.disabled).toBe(true);
    await user.click(
      screen.getByLabelText(
        `Keep this token for ${DOMAIN} although it can also change the DNS of other.test and shop.test`,
      ),
    );
    await user.click(keep);
    await screen.findByRole('button', { name: 'Write 1 record at Cloudflare' });
    expect(invoke).toHaveBeenLastCalledWith('cloudflare.preview', expect.anything());
    expect(invoke).toHaveBeenCalledWith('cloudflare.connect', {
      domain: DOMAIN,
      token: TOKEN,
      allowOtherZones: names,
    });
    expect(answers).toBe(2);
    screen.getByText(/can also change the DNS of other\.test and shop\.test, as you agreed/);
  });

  it('offers a token for this domain alone instead, and drops the refused token when another is pasted', async () => {
    const { invoke } = setup({
      'cloudflare.openTokenPage': () => ({ ok: true, value: { opened: true } }),
      'cloudflare.connect': () => reachesOthers(['other.test']),
    });
    const user = userEvent.setup();
    await screen.findByLabelText('Cloudflare token');
    paste(TOKEN);
    await user.click(await screen.findByRole('button', { name: `Make a token for ${DOMAIN} only` }));
    expect(invoke).toHaveBeenCalledWith('cloudflare.openTokenPage', { domain: DOMAIN });
    const narrower = TOKEN.replace('Ab', 'Zz');
    paste(narrower);
    await waitFor(() =>
      expect(invoke).toHaveBeenLastCalledWith('cloudflare.connect', { domain: DOMAIN, token: narrower }),
    );
  });

  it('offers to forget the token once every record is in place, and not before', async () => {
    let inPlace = false;
    const preview = () => previewWith([{ action: inPlace ? 'in-place' : 'add' }]);
    const { invoke } = setup({
      'cloudflare.status': () => status(true),
      'cloudflare.preview': () => ({ ok: true, value: preview() }),
      'cloudflare.write': () => {
        inPlace = true;
        return {
          ok: true,
          value: { ...preview(), written: previewWith([{}]).changes, skipped: [], stale: false },
        };
      },
      'cloudflare.forget': () => status(false),
    });
    const user = userEvent.setup();
    const write = await screen.findByRole('button', { name: 'Write 1 record at Cloudflare' });
    expect(screen.queryByText(/Every record is in place/)).toBeNull();
    await user.click(write);
    await screen.findByText('Wrote 1 record at Cloudflare.');
    const offer = await screen.findByText(
      /Every record is in place at Cloudflare, so the assistant no longer needs the token/,
    );
    expect(screen.getAllByRole('button', { name: 'Forget the token' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Forget the token' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('cloudflare.forget', { domain: DOMAIN }));
    await waitFor(() => expect(offer.isConnected).toBe(false));
  });
});
