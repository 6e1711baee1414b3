import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LedgerItem } from '../../electron/ipc/contract';
import { LedgerStep } from '../../renderer/features/ledger/LedgerStep';
import { installFakeAssistant } from './fake-assistant';

const record = (id: string, kind = 'cloudflare-record'): LedgerItem => ({
  kind,
  id,
  label: `DNS record at Cloudflare CNAME ${id}._domainkey.example.com`,
  meta: { zoneId: 'z1', zone: 'example.com' },
  createdAt: '2026-11-28T10:00:00Z',
});

describe('what the app created, with records at Cloudflare', () => {
  it('removes a Cloudflare record without asking for AWS admin keys', async () => {
    const items = [record('r1'), record('r2')];
    const invoke = installFakeAssistant({
      'ledger.list': () => ({ ok: true, value: items }),
      'ledger.remove': () => ({ ok: true, value: { removed: [items[0]], ledger: [items[1]], notes: [] } }),
      'app.state': () => ({
        ok: false,
        error: { code: 'UNEXPECTED', title: 't', explanation: 'e', fix: 'f', retryable: false },
      }),
    });
    render(<LedgerStep />);
    const remove = await screen.findByRole('button', { name: /Remove CNAME r1/ });
    expect(screen.queryByText(/administrator’s keys/)).toBeNull();
    screen.getByText(/removed with the Cloudflare token/);
    expect((screen.getByRole('button', { name: 'Remove everything' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    await userEvent.setup().click(remove);
    expect(invoke).toHaveBeenCalledWith('ledger.remove', {
      kind: 'cloudflare-record',
      id: 'r1',
      region: undefined,
    });
  });

  it('still needs admin keys for AWS entries beside them', async () => {
    installFakeAssistant({
      'ledger.list': () => ({
        ok: true,
        value: [record('r1'), { ...record('ses-user', 'iam-user'), label: 'IAM user ses-user', meta: {} }],
      }),
    });
    render(<LedgerStep />);
    const aws = await screen.findByRole('button', { name: /Remove ses-user/ });
    expect((aws as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: /Remove CNAME r1/ }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    expect((screen.getByRole('button', { name: 'Remove everything' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
