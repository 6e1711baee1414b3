import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AssistantError, DnsPlanView, DnsReport, RecordStatus } from '../../../electron/ipc/contract';
import { domainName } from '../../../electron/ipc/schemas';
import { invoke } from '../../app/api';
import { CopyButton } from '../../components/CopyButton';
import { Problem, RecordTable } from './DnsRecordTable';
import { Route53Publish } from './Route53Publish';
import { MailFromNotice } from './MailFromNotice';
import { CloudflarePanel } from '../cloudflare/CloudflarePanel';
import { HandOffPanel } from '../handoff/HandOffPanel';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';

/** How long after writing records to Route 53 an unanswered check counts as "too early", not a fault. */
const SOFT_AFTER_PUBLISH_MS = 5 * 60_000;

export function DnsStep() {
  const { app, goTo } = useAssistant();
  const [domain, setDomain] = useState('');
  const [plan, setPlan] = useState<DnsPlanView | null>(null);
  const [report, setReport] = useState<DnsReport | null>(null);
  const [exported, setExported] = useState<{ format: string; text: string } | null>(null);
  const [busy, setBusy] = useState<'plan' | 'check' | 'export' | null>(null);
  const [error, setError] = useState<AssistantError | null>(null);
  const [verified, setVerified] = useState<string[]>([]);
  // What SES says about each domain, so the screen never promises what is already done.
  const [sesStates, setSesStates] = useState<Record<string, string>>({});
  // Just after the records were written to Route 53 its nameservers may not answer yet: a check that
  // cannot reach DNS then is normal, so it is said softly instead of as an error.
  const publishedAt = useRef<number | null>(null);
  const [notYet, setNotYet] = useState(false);
  // A publishing panel (Cloudflare, Route 53) that holds the next thing to do takes the primary button.
  const [panelLeads, setPanelLeads] = useState(false);
  // Records the assistant just wrote at Cloudflare: its panel stays to say so once all is in place.
  const [wroteAtCloudflare, setWroteAtCloudflare] = useState(false);
  /** The manual way (host tips and the full table): folded unless opened, under which verdict. */
  const [byHand, setByHand] = useState<'todo' | 'done' | null>(null);
  // Whether the list of verified domains is still on its way (the field may still be filled in).
  const [domainsLoading, setDomainsLoading] = useState(true);
  // Once the person has typed, their domain wins over the one the screen would have suggested.
  const typed = useRef(false);
  const parsed = domainName.safeParse(domain);

  // Start from the domains already verified with SES (the Sender step), so most people type nothing.
  useEffect(() => {
    let live = true;
    invoke('identities.list', {})
      .then((result) => {
        if (!live || !result.ok) return;
        const domains = result.value.filter((i) => i.kind === 'domain').map((i) => i.identity);
        setVerified(domains);
        setSesStates(
          Object.fromEntries(
            result.value.filter((i) => i.kind === 'domain').map((i) => [i.identity, i.state]),
          ),
        );
        if (typed.current || !domains[0]) return;
        setDomain(domains[0]);
        // The domain from the Sender step: show its records and check them at once, no click needed.
        void loadPlan(domains[0], { thenCheck: true });
      })
      .catch(() => undefined)
      .finally(() => {
        if (live) setDomainsLoading(false);
      });
    return () => {
      live = false;
    };
    // Once, when the screen opens: later edits of the domain wait for "Show my records".
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const domainProblem = domain && !parsed.success ? parsed.error.issues[0]?.message : null;

  async function loadPlan(name: string, options: { thenCheck?: boolean } = {}) {
    setBusy('plan');
    setError(null);
    setReport(null);
    setWroteAtCloudflare(false);
    setExported(null);
    setByHand(null);
    const result = await invoke('dns.plan', { domain: name });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setPlan(result.value);
    if (options.thenCheck) await check(result.value);
  }

  async function showPlan(event: FormEvent) {
    event.preventDefault();
    if (parsed.success) await loadPlan(parsed.data);
  }

  async function check(target: DnsPlanView) {
    setBusy('check');
    setError(null);
    setNotYet(false);
    const result = await invoke('dns.check', { domain: target.domain, mailFrom: target.mailFromDomain });
    setBusy(null);
    if (result.ok) return setReport(result.value);
    const recent = publishedAt.current !== null && Date.now() - publishedAt.current < SOFT_AFTER_PUBLISH_MS;
    if (recent && result.error.code === 'DNS_NO_ANSWER') setNotYet(true);
    else setError(result.error);
  }

  function published() {
    publishedAt.current = Date.now();
    void checkNow();
  }

  async function checkNow() {
    if (plan) await check(plan);
  }

  async function exportAs(format: 'bind' | 'csv') {
    if (!plan) return;
    setBusy('export');
    const result = await invoke('dns.export', { domain: plan.domain, format, mailFrom: plan.mailFromDomain });
    setBusy(null);
    if (result.ok) setExported({ format, text: result.value.text });
    else setError(result.error);
  }

  const checks = new Map(report?.records.map((r) => [`${r.purpose} ${r.name}`, r]));
  const allGood = report && report.problems.length === 0 && report.records.every((r) => r.status === 'ok');
  const sesVerified = plan ? sesStates[plan.domain] === 'verified' : false;
  // Whether SES uses the plan's MAIL FROM domain, when it does not: records in place are then not
  // the end (not in SES: telling SES is what is left), or not the whole story (another in SES).
  const mailFromNote = plan?.notes.find(
    (n) => n.code === 'MAIL_FROM_NOT_IN_SES' || n.code === 'MAIL_FROM_OTHER_IN_SES',
  )?.code;
  const hostId = plan?.host.id;
  // Open for the verdict it was opened under: once every record is in place, the how-to and the
  // table fold away (and can be opened again).
  const verdict = allGood ? 'done' : 'todo';
  const writable = hostId === 'cloudflare' || hostId === 'route53' || hostId === 'other';
  const checkLeads = !allGood && !(panelLeads && writable);
  const checkAfterPanel = hostId === 'cloudflare' || hostId === 'route53';

  const checkRow = (
    <div className="actions">
      <button
        className={checkLeads ? 'primary' : undefined}
        onClick={() => void checkNow()}
        disabled={busy !== null}
      >
        {busy === 'check' ? 'Asking your DNS host…' : 'Check now'}
      </button>
    </div>
  );

  return (
    <section className="step">
      <StepHeading
        title="Add your DNS records"
        why="Mail providers look up these records to trust mail that SES sends for your domain. You add them once, where your domain’s DNS is managed."
      />
      {/* The field and its button on one row: the verdict below should be on the first screen. */}
      <form className="dns-domain" onSubmit={showPlan} noValidate aria-busy={domainsLoading}>
        <div className={`field${domainProblem ? ' invalid' : ''}`}>
          <label htmlFor="dns-domain">Your domain</label>
          <input
            id="dns-domain"
            value={domain}
            onChange={(e) => {
              typed.current = true;
              setDomain(e.target.value);
            }}
            placeholder="example.com"
            spellCheck={false}
            aria-describedby="dns-domain-hint"
            aria-invalid={domainProblem ? true : undefined}
            list={verified.length > 1 ? 'dns-verified-domains' : undefined}
          />
          {verified.length > 1 && (
            <datalist id="dns-verified-domains">
              {verified.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
          )}
          <small id="dns-domain-hint">
            The domain you verified with SES{app ? ` in ${app.region}` : ''}.
          </small>
          {domainProblem && (
            <small className="problem" role="alert">
              {domainProblem}
            </small>
          )}
        </div>
        <div className="actions">
          <button
            className={plan ? undefined : 'primary'}
            type="submit"
            disabled={busy !== null || !parsed.success}
          >
            {busy === 'plan' ? 'Working out your records…' : 'Show my records'}
          </button>
        </div>
      </form>

      {error && <ErrorPanel error={error} />}
      {notYet && (
        <p className="notice" role="status">
          We couldn’t check the records yet. This is normal just after a change; try Check now in a minute.
        </p>
      )}

      {plan && (
        <>
          <HostHeading plan={plan} />
          {/* The verdict first, then the one thing to do next, then the manual way, folded. */}
          {report && <CheckSummary report={report} allGood={Boolean(allGood)} />}
          {busy === 'check' && (
            <p role="status" className="muted">
              Asking your domain’s own nameservers for every record at once…
            </p>
          )}
          {/* Checking again sits by the verdict it renews, except where the assistant's panel can write
              the records: there it follows the panel. The place depends on the host only, never on who
              leads, so the button is not moved (and remounted) under the person's pointer. */}
          {!checkAfterPanel && checkRow}
          {(!allGood || wroteAtCloudflare) && hostId === 'cloudflare' && (
            <CloudflarePanel
              key={plan.domain}
              domain={plan.domain}
              mailFrom={plan.mailFromDomain}
              onLead={setPanelLeads}
              onWritten={() => {
                setWroteAtCloudflare(true);
                published();
              }}
            />
          )}
          {!allGood && (hostId === 'route53' || hostId === 'other') && (
            <Route53Publish domain={plan.domain} onPublished={published} onLead={setPanelLeads} />
          )}
          {checkAfterPanel && checkRow}
          {/* Hosts the assistant cannot write to: the records go to whoever manages the DNS. */}
          {!allGood && hostId !== 'route53' && hostId !== 'cloudflare' && (
            <HandOffPanel domain={plan.domain} />
          )}
          <details
            className="panel by-hand"
            open={byHand === verdict}
            onToggle={(e) => setByHand((e.currentTarget as HTMLDetailsElement).open ? verdict : null)}
          >
            <summary>{allGood ? 'See each record' : 'Add them by hand instead'}</summary>
            <HostTips plan={plan} />
            <RecordTable plan={plan} checks={checks} allGood={Boolean(allGood)} />
          </details>
          {/* Notes on the records (say, a DMARC address to give): read with the records, after the way to add them. */}
          {plan.notes
            .filter((n) => n.code !== 'MAIL_FROM_NOT_IN_SES')
            .map((n) => (
              <p key={n.code} className="notice" role="status">
                {n.message}
              </p>
            ))}
          <div className="actions">
            <button onClick={() => void exportAs('bind')} disabled={busy !== null}>
              Export as zone file (BIND)
            </button>
            <button onClick={() => void exportAs('csv')} disabled={busy !== null}>
              Export as CSV
            </button>
          </div>
          {/* Optional, so after what is needed. */}
          {plan.notes
            .filter((n) => n.code === 'MAIL_FROM_NOT_IN_SES')
            .map((n) => (
              <MailFromNotice
                key={n.code}
                note={n}
                domain={plan.domain}
                mailFrom={plan.mailFromDomain}
                onSet={() => void loadPlan(plan.domain, { thenCheck: true })}
              />
            ))}
          {exported && (
            <div className="panel">
              <h2>{exported.format === 'bind' ? 'Zone file (BIND)' : 'CSV'}</h2>
              <p className="muted">
                {exported.format === 'bind'
                  ? 'Many DNS hosts can import this (look for “Import zone file”). You can also send it to whoever manages your DNS.'
                  : 'Open it in a spreadsheet, or send it to whoever manages your DNS.'}
              </p>
              <textarea readOnly rows={8} value={exported.text} aria-label="Exported records" />
              <div className="actions">
                <CopyButton text={exported.text} label="Copy all" />
              </div>
            </div>
          )}
          <SpfOption plan={plan} />
          {allGood ? (
            <p className="muted">
              <strong>All done: </strong>
              {sesVerified
                ? 'SES already shows your domain as verified. You can send a test email now.'
                : 'SES will mark your domain verified shortly. Then you can send a test email.'}
              {mailFromNote === 'MAIL_FROM_NOT_IN_SES' &&
                ` Optional: choose “Use ${plan.mailFromDomain} in SES” above, so that bounces come back to your domain and SPF lines up with it too.`}
              {mailFromNote === 'MAIL_FROM_OTHER_IN_SES' &&
                ` Good to know: SES uses another MAIL FROM domain for ${plan.domain} (see the note above), so the two MAIL FROM records in the table count only once SES uses ${plan.mailFromDomain}.`}
            </p>
          ) : (
            <p className="muted">
              <strong>What happens next: </strong>
              once every record shows “In place”, SES notices them by itself, usually within the hour (at most
              72 hours), and marks your domain verified. Then you can send a test email.
            </p>
          )}
        </>
      )}
      <div className="actions">
        {/* The main action only once nothing is left to fix; until then "Check now" leads. */}
        <button
          className={allGood ? 'primary' : undefined}
          type="button"
          onClick={() => void goTo('test-send')}
        >
          Continue: send a test email
        </button>
      </div>
    </section>
  );
}

/** Who hosts the domain's DNS, said first: the rest of the step is worded for that host. */
function HostHeading({ plan }: { plan: DnsPlanView }) {
  const known = plan.host.id !== 'other';
  return (
    <section className="dns-host" aria-labelledby="dns-host-title">
      <h2 id="dns-host-title">
        {known ? `Your DNS is managed at ${plan.host.name}` : 'Where to add the records'}
      </h2>
      {!plan.dnsRead && (
        <p className="muted">
          Your domain’s DNS could not be read just now, so existing DMARC or SPF records were not taken into
          account.
        </p>
      )}
    </section>
  );
}

/** How to add the records by hand at the host: inside the folded "by hand" part of the step. */
function HostTips({ plan }: { plan: DnsPlanView }) {
  const known = plan.host.id !== 'other';
  return (
    <ul>
      {plan.zone !== plan.domain && (
        <li>
          Add these records in the DNS zone <strong>{plan.zone}</strong>: {plan.domain} is part of it, so the
          short names below already include “{plan.domain.slice(0, -(plan.zone.length + 1))}”.
        </li>
      )}
      {plan.unicodeDomain !== plan.domain && (
        <li>
          {plan.unicodeDomain} is written <code>{plan.domain}</code> in DNS: some DNS hosts want that form.
        </li>
      )}
      {plan.host.tips.map((tip) => (
        <li key={tip}>{tip}</li>
      ))}
      {known && plan.host.nameField !== 'Name' && (
        <li>
          At {plan.host.name}, type each name below in the “{plan.host.nameField}” box.
        </li>
      )}
    </ul>
  );
}

function CheckSummary({ report, allGood }: { report: DnsReport; allGood: boolean }) {
  const count = (s: RecordStatus) => report.records.filter((r) => r.status === s).length;
  const toFix = count('missing') + count('wrong');
  return (
    <section
      className={`panel ${allGood ? 'good' : toFix || report.problems.length ? 'error' : 'warn'}`}
      aria-labelledby="dns-check-title"
      role="status"
    >
      <h2 id="dns-check-title">
        {allGood
          ? '✓ All records are in place'
          : toFix
            ? `${toFix} record${toFix === 1 ? '' : 's'} to fix`
            : report.problems.length
              ? 'Your records are in place, with a problem to fix'
              : '… Published, still spreading'}
      </h2>
      <p>
        {count('ok')} in place, {count('propagating')} spreading, {count('missing')} missing, {count('wrong')}{' '}
        wrong. Checked {report.dnsHost ? `at ${report.dnsHost.name}` : 'at your domain’s nameservers'} in{' '}
        {report.elapsedMs < 1000 ? 'under a second' : `${(report.elapsedMs / 1000).toFixed(1)} seconds`}.
      </p>
      {report.problems.map((p) => (
        <Problem key={p.code} problem={p} />
      ))}
    </section>
  );
}

function SpfOption({ plan }: { plan: DnsPlanView }) {
  const spf = plan.apexSpfOption;
  if (!spf) return null;
  return (
    <details className="panel">
      <summary>Optional: SPF on {spf.name} itself (not needed for SES)</summary>
      <p>
        SES mail already passes SPF through the MAIL FROM domain above, so your domain needs no change here.
        Some guides still ask for SES’s SPF include on the domain itself; if you want it,
        {spf.existing
          ? ' replace your current SPF record with this one (never add a second one):'
          : ' add this TXT record:'}
      </p>
      {spf.alreadyIncluded ? (
        <p>Your SPF record already includes SES.</p>
      ) : (
        <p>
          <code className="value">{spf.merged}</code> <CopyButton text={spf.merged} label="Copy SPF record" />
        </p>
      )}
    </details>
  );
}
