import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutputOf } from '../../electron/ipc/contract';
import { REGION_ADVICE, REGION_CHANGE_WARNING, SES_REGIONS } from '../../electron/core/facts/regions';
import { changesSummary, Route53Publish } from '../../renderer/features/dns/Route53Publish';
import { App } from '../../renderer/app/App';
import { useAssistant } from '../../renderer/app/store';
import { baseState, installFakeAssistant } from './fake-assistant';

function listing(chosen: boolean): OutputOf<'regions.list'> {
  return {
    current: 'us-east-1',
    chosen,
    advice: REGION_ADVICE,
    changeWarning: REGION_CHANGE_WARNING,
    regions: SES_REGIONS.map((r) => ({
      ...r,
      identities: r.code === 'us-east-1' ? ['example.com'] : r.code === 'ap-south-1' ? null : [],
    })),
  };
}

beforeEach(() => useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false }));

describe('the Region screen', () => {
  it('shows the recommended regions with plain advice and the identities already in each', async () => {
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'region' }) }),
      'regions.list': () => ({ ok: true, value: listing(false) }),
    });
    render(<App />);
    await screen.findByText(REGION_ADVICE);
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(7);
    screen.getByText('Already set up here: example.com');
    screen.getByText('Could not check this region.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show all 27 regions' }));
    expect(screen.getAllByRole('radio')).toHaveLength(27);
    // The one main action sits in a bar that stays in view below the long list.
    const primaries = document.querySelectorAll('button.primary');
    expect(primaries).toHaveLength(1);
    expect(primaries[0]!.closest('.sticky-actions')).toBeTruthy();
  });

  it('warns before changing a region chosen earlier, naming what stays behind', async () => {
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'region' }) }),
      'regions.list': () => ({ ok: true, value: listing(true) }),
      'regions.choose': () => ({
        ok: true,
        value: { region: 'eu-west-1', previous: 'us-east-1', changed: true, smtpHost: 'x' },
      }),
      'wizard.goTo': () => ({ ok: true, value: baseState({ step: 'identity' }) }),
      'identities.list': () => ({ ok: true, value: [] }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText(/Europe \(Ireland\)/));
    await user.click(screen.getByRole('button', { name: 'Use Europe (Ireland)' }));
    await screen.findByRole('heading', { name: 'Change from US East (N. Virginia) to Europe (Ireland)?' });
    screen.getByText(REGION_CHANGE_WARNING);
    screen.getByText(/These stay behind in us-east-1 and will not work from eu-west-1: example.com/);
    expect([...document.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual([
      'Yes, use Europe (Ireland)',
    ]);
    expect(invoke.mock.calls.some(([c]) => c === 'regions.choose')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Yes, use Europe (Ireland)' }));
    await screen.findByRole('heading', { name: 'Choose who your mail comes from' });
    expect(invoke).toHaveBeenCalledWith('regions.choose', { region: 'eu-west-1', confirmChange: true });
  });

  it('says nothing is lost when the current region holds nothing yet', async () => {
    const empty = listing(true);
    empty.regions = empty.regions.map((r) => ({ ...r, identities: [] }));
    installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'region' }) }),
      'regions.list': () => ({ ok: true, value: empty }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText(/Europe \(Ireland\)/));
    await user.click(screen.getByRole('button', { name: 'Use Europe (Ireland)' }));
    await screen.findByRole('heading', { name: 'Change from US East (N. Virginia) to Europe (Ireland)?' });
    screen.getByText('Nothing is set up in US East (N. Virginia) yet, so nothing is lost.');
    expect(screen.queryByText(REGION_CHANGE_WARNING)).toBeNull();
  });
});

describe('the Route 53 diff in words', () => {
  const change = (action: 'create' | 'fix') => ({ action }) as OutputOf<'route53.preview'>['changes'][number];
  it('says missing, wrong, or both, exactly as the diff has them', () => {
    expect(changesSummary(Array.from({ length: 6 }, () => change('create')))).toBe('6 records are missing');
    expect(changesSummary([change('fix')])).toBe('1 record is wrong');
    expect(changesSummary([change('create'), change('fix'), change('fix')])).toBe(
      '1 record is missing and 2 are wrong',
    );
  });
});

describe('publishing to Route 53', () => {
  const preview: OutputOf<'route53.preview'> = {
    domain: 'example.com',
    region: 'us-east-1',
    zone: { id: 'Z1', name: 'example.com' },
    changes: [
      {
        purpose: 'dkim',
        type: 'CNAME',
        name: 'a._domainkey.example.com',
        action: 'fix',
        value: 'a.dkim.amazonses.com',
        current: ['a.dkim.amazonses.com.example.com'],
        values: ['a.dkim.amazonses.com'],
      },
    ],
    inPlace: [
      { purpose: 'dkim', type: 'CNAME', name: 'b._domainkey.example.com', value: 'b.dkim.amazonses.com' },
    ],
    notes: [],
    digest: 'd'.repeat(64),
  };

  it('shows the diff, asks, writes, and reports', async () => {
    const invoke = installFakeAssistant({
      'admin.status': () => ({
        ok: true,
        value: { arn: 'arn:aws:iam::1:user/admin', accountId: '1', kind: 'temporary', since: 'now' },
      }),
      'route53.preview': () => ({ ok: true, value: preview }),
      'route53.publish': () => ({
        ok: true,
        value: {
          ...preview,
          changes: [],
          written: preview.changes,
          changeId: 'C1',
          changeStatus: 'PENDING',
          stale: false,
        },
      }),
    });
    render(<Route53Publish domain="example.com" />);
    const user = userEvent.setup();
    // Nothing is asked of Route 53 until the person chooses this way.
    expect(invoke.mock.calls.some(([c]) => c === 'route53.preview')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Add them to Route 53 for me' }));
    await screen.findByText(/1 record is wrong:/);
    screen.getByText('(now: a.dkim.amazonses.com.example.com)');
    await user.click(screen.getByRole('button', { name: 'Write these records to Route 53' }));
    expect(invoke.mock.calls.some(([c]) => c === 'route53.publish')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Yes, write them' }));
    await screen.findByText('Added 1 record to Route 53.');
    screen.getByText(/They usually go live within a minute: press Check now\./);
    expect(invoke).toHaveBeenCalledWith('route53.publish', {
      domain: 'example.com',
      confirm: true,
      digest: preview.digest,
    });
  });

  it('shows the new preview, writing nothing, when the zone changed after the one confirmed', async () => {
    const now = { ...preview, changes: [{ ...preview.changes[0]!, current: ['other.example.net'] }] };
    const published = vi.fn();
    installFakeAssistant({
      'admin.status': () => ({
        ok: true,
        value: { arn: 'arn:aws:iam::1:user/admin', accountId: '1', kind: 'temporary', since: 'now' },
      }),
      'route53.preview': () => ({ ok: true, value: preview }),
      'route53.publish': () => ({
        ok: true,
        value: {
          ...now,
          digest: 'e'.repeat(64),
          written: [],
          changeId: null,
          changeStatus: null,
          stale: true,
        },
      }),
    });
    render(<Route53Publish domain="example.com" onPublished={published} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add them to Route 53 for me' }));
    await user.click(await screen.findByRole('button', { name: 'Write these records to Route 53' }));
    await user.click(screen.getByRole('button', { name: 'Yes, write them' }));
    await screen.findByText(/changed after this list was made, so nothing was written/);
    screen.getByText('(now: other.example.net)');
    expect(screen.queryByText(/Added 1 record/)).toBeNull();
    expect(published).not.toHaveBeenCalled();
    screen.getByRole('button', { name: 'Write these records to Route 53' });
  });

  it('asks for admin access first and previews nothing without it', async () => {
    const invoke = installFakeAssistant({});
    render(<Route53Publish domain="example.com" />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Add them to Route 53 for me' }));
    await screen.findByRole('heading', { name: 'Admin access, for a moment' });
    expect(invoke.mock.calls.some(([c]) => c === 'route53.preview')).toBe(false);
  });
});
