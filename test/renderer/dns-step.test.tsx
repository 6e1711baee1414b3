import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DnsPlanView, DnsReport, RecordCheck, Result } from '../../electron/ipc/contract';
import { App } from '../../renderer/app/App';
import { useAssistant } from '../../renderer/app/store';
import { baseState, installFakeAssistant, type Answers } from './fake-assistant';

/**
 * The fake, with the panels beside the records answered unless a test says otherwise: Cloudflare's
 * status (no token kept), and the hand-off message, which stays "Preparing…" (another suite tests it).
 */
const install = (answers: Answers) =>
  installFakeAssistant({
    'handoff.prepare': () => new Promise(() => undefined),
    'cloudflare.status': (input) => ({
      ok: true,
      value: { domain: (input as { domain: string }).domain, tokenSaved: false, zone: null, otherZones: 0 },
    }),
    ...answers,
  });

const plan: DnsPlanView = {
  domain: 'example.com',
  unicodeDomain: 'example.com',
  zone: 'example.com',
  region: 'us-east-1',
  mailFromDomain: 'bounce.example.com',
  records: [
    ['dkim', 'CNAME', 'tok1._domainkey', 'tok1.dkim.amazonses.com'],
    ['dmarc', 'TXT', '_dmarc', 'v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com'],
    ['mail-from-mx', 'MX', 'bounce', '10 feedback-smtp.us-east-1.amazonses.com'],
    ['mail-from-spf', 'TXT', 'bounce', 'v=spf1 include:amazonses.com ~all'],
  ].map(([purpose, type, rel, value]) => ({
    purpose: purpose as RecordCheck['purpose'],
    type: type as RecordCheck['type'],
    name: `${rel}.example.com`,
    relativeName: rel!,
    value: value!,
    why: 'why',
    required: true,
  })),
  apexSpfOption: {
    name: 'example.com',
    existing: 'v=spf1 mx -all',
    merged: 'v=spf1 mx include:amazonses.com -all',
    alreadyIncluded: false,
  },
  notes: [],
  host: {
    id: 'cloudflare',
    name: 'Cloudflare',
    nameField: 'Name',
    nameStyle: 'either',
    tips: ['Set Proxy status to “DNS only” (the grey cloud).'],
  },
  dnsRead: true,
};

function reportWith(statuses: RecordCheck['status'][], extra: Partial<RecordCheck> = {}): DnsReport {
  return {
    domain: 'example.com',
    dnsHost: { id: 'cloudflare', name: 'Cloudflare' },
    notes: [],
    records: plan.records.map((r, i) => ({
      purpose: r.purpose,
      type: r.type,
      name: r.name,
      expected: r.value,
      found: [],
      status: statuses[i]!,
      problems: [],
      ...(i === 0 ? extra : {}),
    })),
    problems: [],
    nameservers: ['ada.ns.cloudflare.com'],
    asked: ['ada.ns.cloudflare.com'],
    checkedAt: '2026-11-24T10:00:00Z',
    elapsedMs: 40,
  };
}

beforeEach(() => useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false }));

async function openPlan(report: DnsReport) {
  const invoke = install({
    'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
    'dns.plan': () => ({ ok: true, value: plan }),
    'dns.check': () => ({ ok: true, value: report }),
    'clipboard.copy': () => ({ ok: true, value: { copied: true } }),
  });
  render(<App />);
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Your domain'), 'Example.com');
  await user.click(screen.getByRole('button', { name: 'Show my records' }));
  await screen.findByText('Your DNS is managed at Cloudflare');
  return { invoke, user };
}

describe('the DNS records step', () => {
  it('shows the plan with a copy button per name and value, and the host’s own tips', async () => {
    const { invoke, user } = await openPlan(reportWith(['ok', 'ok', 'ok', 'ok']));
    expect(invoke).toHaveBeenCalledWith('dns.plan', { domain: 'example.com' });
    expect(screen.getByText(/DNS only/)).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(5);
    await user.click(screen.getByRole('button', { name: 'Copy tok1.dkim.amazonses.com' }));
    expect(invoke).toHaveBeenCalledWith('clipboard.copy', { text: 'tok1.dkim.amazonses.com' });
    expect(screen.getByText('v=spf1 mx include:amazonses.com -all')).toBeTruthy();
  });

  it('shows each status in words with an icon: in place, missing, wrong with what was found, spreading', async () => {
    const { user } = await openPlan(
      reportWith(['wrong', 'missing', 'propagating', 'ok'], {
        found: ['104.16.1.1'],
        problems: [
          {
            code: 'DKIM_NOT_CNAME',
            message: 'This name answers with an IP address.',
            fix: 'Turn the cloud grey.',
          },
        ],
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    const all = within(await screen.findByRole('table'))
      .getAllByRole('row')
      .slice(1);
    const rows = all.filter((r) => !r.classList.contains('problems-row'));
    const text = rows.map((r) => r.textContent ?? '');
    // A mistake the checker named is said by name, not as a bare "Wrong".
    expect(text[0]).toMatch(/! Hidden by a proxy \(Cloudflare orange cloud\)/);
    expect(text[0]).not.toContain('Wrong');
    expect(text[0]).toContain('Found: 104.16.1.1');
    // The problem and its fix sit in a full-width row right under the record it belongs to.
    const under = all[all.indexOf(rows[0]!) + 1]!.textContent;
    expect(under).toContain('This name answers with an IP address.');
    expect(under).toContain('What to do: Turn the cloud grey.');
    expect(text[1]).toMatch(/✗ Missing/);
    expect(text[2]).toMatch(/… Spreading/);
    expect(text[2]).toContain('Nothing to do but wait');
    expect(text[3]).toMatch(/✓ In place/);
    expect(screen.getByRole('heading', { name: '2 records to fix' })).toBeTruthy();
    // While records still need fixing, going on is not the main action.
    expect(screen.getByRole('button', { name: 'Continue: send a test email' }).className).not.toContain(
      'primary',
    );
    screen.getByText('Records to add for example.com');
  });

  it('lets names and values wrap only after their dots, never mid-word', async () => {
    await openPlan(reportWith(['ok', 'ok', 'ok', 'ok']));
    const value = screen.getByRole('button', {
      name: 'Copy tok1.dkim.amazonses.com',
    }).previousElementSibling!;
    expect(value.textContent).toBe('tok1.dkim.amazonses.com');
    expect(value.innerHTML).toBe('tok1.<wbr>dkim.<wbr>amazonses.<wbr>com');
    expect(
      within(screen.getByRole('table')).getByRole('columnheader', { name: 'Name and value' }),
    ).toBeTruthy();
  });

  it('says an existing DMARC policy is already there, not something to add', async () => {
    install({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
      'dns.plan': () => ({
        ok: true,
        value: {
          ...plan,
          notes: [{ code: 'DMARC_KEPT', message: 'Your domain already has a DMARC policy; keep it.' }],
        },
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your domain'), 'example.com');
    await user.click(screen.getByRole('button', { name: 'Show my records' }));
    const rows = within(await screen.findByRole('table')).getAllByRole('row');
    expect(rows[2]!.textContent).toContain('Already there — nothing to add');
    expect(rows[1]!.textContent).not.toContain('Already there');
  });

  it('starts from the domain already verified with SES, and shows and checks its records at once', async () => {
    const invoke = install({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
      'identities.list': () => ({
        ok: true,
        value: [
          { identity: 'me@example.org', kind: 'address' },
          { identity: 'example.com', kind: 'domain' },
        ],
      }),
      'dns.plan': () => ({ ok: true, value: plan }),
      'dns.check': () => ({ ok: true, value: reportWith(['ok', 'ok', 'ok', 'ok']) }),
    });
    render(<App />);
    await waitFor(() =>
      expect((screen.getByLabelText('Your domain') as HTMLInputElement).value).toBe('example.com'),
    );
    expect(await screen.findByRole('heading', { name: '✓ All records are in place' })).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('dns.plan', { domain: 'example.com' });
  });

  // What SES lists can arrive after the person started typing: what they typed stays.
  const suggested = { identity: 'suggested.org', kind: 'domain', state: 'pending' };
  const planOf = (domain: string): DnsPlanView => ({ ...plan, domain, unicodeDomain: domain, zone: domain });
  function deferred<T>() {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('keeps what the person typed when the verified domains arrive late, and asks for nothing else', async () => {
    const listed = deferred<Result<unknown>>();
    const invoke = install({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
      'identities.list': () => listed.promise,
      'dns.plan': (input) => ({ ok: true, value: planOf((input as { domain: string }).domain) }),
      'dns.check': () => ({ ok: true, value: reportWith(['missing', 'missing', 'missing', 'missing']) }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your domain'), 'example.com');
    listed.resolve({ ok: true, value: [suggested] });
    await waitFor(() =>
      expect(screen.getByLabelText('Your domain').closest('form')!.getAttribute('aria-busy')).toBe('false'),
    );
    expect((screen.getByLabelText('Your domain') as HTMLInputElement).value).toBe('example.com');
    await user.click(screen.getByRole('button', { name: 'Show my records' }));
    await screen.findByText('Records to add for example.com');
    expect(invoke.mock.calls.filter(([channel]) => channel === 'dns.plan')).toEqual([
      ['dns.plan', { domain: 'example.com' }],
    ]);
  });

  it('says all is in place when every record is right, and makes going on the main action', async () => {
    const { user } = await openPlan(reportWith(['ok', 'ok', 'ok', 'ok']));
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByRole('heading', { name: '✓ All records are in place' })).toBeTruthy();
    screen.getByText('Your records for example.com');
    screen.getByText(/SES will mark your domain verified shortly/);
    screen.getByText('All done:');
    expect(screen.getByRole('button', { name: 'Continue: send a test email' }).className).toContain(
      'primary',
    );
  });

  it('puts the verdict first, the assistant’s way second, and folds the manual way until opened', async () => {
    let statuses: RecordCheck['status'][] = ['missing', 'missing', 'ok', 'ok'];
    install({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
      'dns.plan': () => ({ ok: true, value: plan }),
      'dns.check': () => ({ ok: true, value: reportWith(statuses) }),
      'cloudflare.status': () => ({
        ok: true,
        value: { domain: 'example.com', tokenSaved: false, zone: null, otherZones: 0 },
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your domain'), 'example.com');
    await user.click(screen.getByRole('button', { name: 'Show my records' }));
    await user.click(await screen.findByRole('button', { name: 'Check now' }));
    const verdict = await screen.findByRole('heading', { name: /2 records to fix/ });
    const assistant = await screen.findByRole('heading', {
      name: 'Let the assistant add the records at Cloudflare',
    });
    const byHand = screen.getByText('Add them by hand instead');
    const before = (a: Element, b: Element) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(before(verdict, assistant)).toBe(true);
    expect(before(assistant, byHand)).toBe(true);
    const fold = byHand.closest('details')!;
    // The host's manual steps and the full table are inside the fold, and it starts closed.
    expect(fold.open).toBe(false);
    expect(fold.contains(screen.getByText('Set Proxy status to “DNS only” (the grey cloud).'))).toBe(true);
    expect(fold.contains(screen.getByRole('table'))).toBe(true);
    await user.click(byHand);
    expect(fold.open).toBe(true);

    // Everything in place: the how-to and the table fold away again, under another name.
    statuses = ['ok', 'ok', 'ok', 'ok'];
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    await screen.findByRole('heading', { name: '✓ All records are in place' });
    const done = screen.getByText('See each record').closest('details')!;
    expect(done.open).toBe(false);
  });

  it('says softly that DNS could not be checked yet right after writing records to Route 53', async () => {
    const noAnswer = {
      code: 'DNS_NO_ANSWER' as const,
      title: 'Your domain’s nameservers did not answer',
      explanation: 'e',
      fix: 'Check your internet connection.',
      retryable: true,
    };
    const preview = {
      domain: 'example.com',
      region: 'us-east-1',
      zone: { id: 'Z1', name: 'example.com' },
      changes: [
        {
          purpose: 'dkim',
          type: 'CNAME',
          name: 'tok1._domainkey.example.com',
          action: 'create',
          value: 'tok1.dkim.amazonses.com',
          current: [],
          values: ['tok1.dkim.amazonses.com'],
        },
      ],
      inPlace: [],
      notes: [],
      digest: '0'.repeat(64),
    };
    install({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
      'admin.status': () => ({
        ok: true,
        value: { arn: 'arn:aws:iam::1:user/admin', accountId: '1', kind: 'temporary', since: 'now' },
      }),
      'dns.plan': () => ({
        ok: true,
        value: { ...plan, host: { ...plan.host, id: 'other', name: 'your DNS host' } },
      }),
      'dns.check': () => ({ ok: false, error: noAnswer }),
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
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your domain'), 'example.com');
    await user.click(screen.getByRole('button', { name: 'Show my records' }));
    // The admin form appears only once the person chooses to let the assistant write to Route 53.
    expect(screen.queryByRole('button', { name: 'Use these admin keys' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Add them to Route 53 for me' }));
    await user.click(await screen.findByRole('button', { name: 'Write these records to Route 53' }));
    await user.click(screen.getByRole('button', { name: 'Yes, write them' }));
    await screen.findByText(/We couldn’t check the records yet\. This is normal just after a change/);
    screen.getByText('Added 1 record to Route 53.');
    expect(screen.queryByText('Your domain’s nameservers did not answer')).toBeNull();
    // Asked again later, by hand, a failure is still said softly while the change is fresh.
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    await screen.findByText(/We couldn’t check the records yet/);
  });

  it('shows an unanswered check as an error when nothing was just written', async () => {
    install({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
      'dns.plan': () => ({ ok: true, value: plan }),
      'dns.check': () => ({
        ok: false,
        error: {
          code: 'DNS_NO_ANSWER',
          title: 'Your domain’s nameservers did not answer',
          explanation: 'e',
          fix: 'f',
          retryable: true,
        },
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your domain'), 'example.com');
    await user.click(screen.getByRole('button', { name: 'Show my records' }));
    await user.click(await screen.findByRole('button', { name: 'Check now' }));
    // Found by its text within the alert: a role query over this long screen takes longer than findBy waits.
    const alert = await screen.findByText('Your domain’s nameservers did not answer', { selector: 'h2' });
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(screen.queryByText(/We couldn’t check the records yet/)).toBeNull();
  });

  it('shows a failure in plain words, such as a domain not verified yet', async () => {
    install({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
      'dns.plan': () => ({
        ok: false,
        error: {
          code: 'DNS_DOMAIN_NOT_VERIFIED',
          title: 'Verify the domain first',
          explanation: 'e',
          fix: 'f',
          retryable: false,
        },
      }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your domain'), 'http://x');
    expect(screen.getByRole('button', { name: 'Show my records' })).toHaveProperty('disabled', true);
    await user.clear(screen.getByLabelText('Your domain'));
    await user.type(screen.getByLabelText('Your domain'), 'example.com');
    await user.click(screen.getByRole('button', { name: 'Show my records' }));
    expect(await screen.findByRole('heading', { name: 'Verify the domain first' })).toBeTruthy();
  });

  it('offers, as an option, to tell SES to use the MAIL FROM domain when it does not yet, then shows the plan again', async () => {
    const notInSes = {
      code: 'MAIL_FROM_NOT_IN_SES',
      message:
        'SES does not use bounce.example.com for example.com yet, so its two records change nothing until it does.',
    };
    let held = false;
    let refuse = true;
    const invoke = install({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
      'dns.plan': () => ({ ok: true, value: { ...plan, notes: held ? [] : [notInSes] } }),
      'dns.check': () => ({ ok: true, value: reportWith(['ok', 'ok', 'ok', 'ok']) }),
      'identities.setMailFrom': () => {
        if (refuse)
          return {
            ok: false,
            error: {
              code: 'SETUP_RIGHTS_REMOVED',
              title: 'The app key no longer sets up your domain',
              explanation: 'e',
              fix: 'f',
              retryable: false,
            },
          };
        held = true;
        return { ok: true, value: { identity: 'example.com', kind: 'domain' } };
      },
    });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your domain'), 'example.com');
    await user.click(screen.getByRole('button', { name: 'Show my records' }));
    expect(await screen.findByText(/SES does not use bounce.example.com/)).toBeTruthy();
    // Every record is in place: that is "all done" (DKIM lines mail up for DMARC), and telling SES
    // is offered as an option, never the main action.
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByRole('heading', { name: '✓ All records are in place' })).toBeTruthy();
    expect(screen.getByText('All done:')).toBeTruthy();
    expect(screen.getByText(/Optional: choose “Use bounce.example.com in SES” above/)).toBeTruthy();
    const primaries = () => [...document.querySelectorAll('button.primary')].map((b) => b.textContent);
    expect(primaries()).toEqual(['Continue: send a test email']);

    // Refused: said in plain words, the notice and its button stay.
    await user.click(screen.getByRole('button', { name: 'Use bounce.example.com in SES' }));
    expect(
      await screen.findByRole('heading', { name: 'The app key no longer sets up your domain' }),
    ).toBeTruthy();
    expect(screen.getByText(/SES does not use bounce.example.com/)).toBeTruthy();

    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Use bounce.example.com in SES' }));
    await waitFor(() => expect(screen.queryByText(/SES does not use bounce.example.com/)).toBeNull());
    expect(invoke).toHaveBeenCalledWith('identities.setMailFrom', {
      domain: 'example.com',
      mailFromSubdomain: 'bounce.example.com',
    });
    expect(await screen.findByRole('heading', { name: '✓ All records are in place' })).toBeTruthy();
    expect(await screen.findByText('All done:')).toBeTruthy();
    expect(screen.queryByText(/Optional: choose/)).toBeNull();
    expect(primaries()).toEqual(['Continue: send a test email']);
  });

  it('says, as good to know, when SES uses another MAIL FROM domain, with going on the main action', async () => {
    const other = {
      code: 'MAIL_FROM_OTHER_IN_SES',
      message: 'SES uses mail.example.com as the MAIL FROM domain for example.com, not bounce.example.com.',
    };
    install({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
      'dns.plan': () => ({ ok: true, value: { ...plan, notes: [other] } }),
      'dns.check': () => ({ ok: true, value: reportWith(['ok', 'ok', 'ok', 'ok']) }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your domain'), 'example.com');
    await user.click(screen.getByRole('button', { name: 'Show my records' }));
    await user.click(await screen.findByRole('button', { name: 'Check now' }));
    expect(await screen.findByRole('heading', { name: '✓ All records are in place' })).toBeTruthy();
    // Nothing to click for it (changing a MAIL FROM domain someone chose could break their mail):
    // the step is done, and says what the records do not do yet.
    expect(screen.getByText('All done:')).toBeTruthy();
    expect(screen.queryByText('One thing left:')).toBeNull();
    expect(
      screen.getByText(
        /Good to know: SES uses another MAIL FROM domain for example.com \(see the note above\), so the two MAIL FROM records in the table count only once SES uses bounce.example.com\./,
      ),
    ).toBeTruthy();
    expect([...document.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual([
      'Continue: send a test email',
    ]);
  });
});

describe('the DNS step’s one main action and what SES says', () => {
  function domainView(state: 'verified' | 'pending') {
    return {
      identity: 'example.com',
      kind: 'domain' as const,
      region: 'us-east-1',
      state,
      sesStatus: state === 'verified' ? ('Success' as const) : ('Pending' as const),
      advice: { label: '', meaning: '', todo: '' },
    };
  }
  async function openKnown(
    state: 'verified' | 'pending',
    statuses: RecordCheck['status'][],
    host: { id: string; name: string } = plan.host,
  ) {
    install({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dns' }) }),
      'identities.list': () => ({ ok: true, value: [domainView(state)] }),
      'dns.plan': () => ({ ok: true, value: { ...plan, host: { ...plan.host, ...host } } }),
      'dns.check': () => ({ ok: true, value: reportWith(statuses) }),
    });
    render(<App />);
    await screen.findByRole('heading', { name: /All records are in place|to fix/ });
  }
  const primaries = () => [...document.querySelectorAll('button.primary')].map((b) => b.textContent);

  it('makes only Continue primary once every record is in place, and says SES already verified the domain', async () => {
    await openKnown('verified', ['ok', 'ok', 'ok', 'ok']);
    expect(primaries()).toEqual(['Continue: send a test email']);
    expect(screen.getByText(/SES already shows your domain as verified/)).toBeTruthy();
    expect(screen.queryByText(/verified shortly/)).toBeNull();
  });

  it('promises verification only while SES has not verified the domain yet', async () => {
    await openKnown('pending', ['ok', 'ok', 'ok', 'ok']);
    expect(screen.getByText(/SES will mark your domain verified shortly/)).toBeTruthy();
  });

  it('makes only Check now primary while records are missing at a host the assistant cannot write to', async () => {
    await openKnown('pending', ['missing', 'ok', 'ok', 'ok'], { id: 'godaddy', name: 'GoDaddy' });
    expect(primaries()).toEqual(['Check now']);
  });

  it('at Cloudflare, makes the token page the one primary action until a token is given', async () => {
    await openKnown('pending', ['missing', 'ok', 'ok', 'ok']);
    await screen.findByRole('heading', { name: 'Let the assistant add the records at Cloudflare' });
    await waitFor(() => expect(primaries()).toEqual(['Open Cloudflare’s token page']));
  });

  it('at Route 53, keeps Check now the one primary action until the person chooses to write there', async () => {
    await openKnown('pending', ['missing', 'ok', 'ok', 'ok'], { id: 'route53', name: 'Amazon Route 53' });
    await screen.findByRole('button', { name: 'Add them to Route 53 for me' });
    expect(primaries()).toEqual(['Check now']);
  });
});
