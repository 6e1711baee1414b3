import { useEffect, useRef, useState } from 'react';
import { useAssistant } from '../app/store';
import { who } from './admin-words';
import { AdminKeyOffer } from './AdminKeyOffer';

/** "mm:ss" (or "h:mm:ss") until `iso`, never below zero. */
export function timeLeft(iso: string, now: number): string {
  const total = Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The same, said in words for a screen reader: "14 minutes", "under a minute". */
function inWords(iso: string, now: number): string {
  const minutes = Math.floor((Date.parse(iso) - now) / 60_000);
  if (minutes < 1) return 'under a minute';
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** When the countdown asks again before it ends. */
const LAST_MINUTE_MS = 60_000;

const clockTime = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * Admin access in the header, on every screen: nothing while there is none; while it is open, how
 * long it will still be kept and one click to forget it, with the details (whose keys, the limits,
 * and deleting a permanent key made just for this) one click further.
 *
 * The main process decides when the session ends. This counts down locally, once a second, from the
 * expiry it last reported, and asks again only when that moment comes (a step may have used the keys
 * meanwhile, which restarts their 15 minutes), when the window comes back (screen lock, sleep and the
 * tray forget them) and when the screen changes.
 */
export function AdminIndicator() {
  const admin = useAssistant((s) => s.admin);
  const step = useAssistant((s) => s.app?.step);
  const refreshAdmin = useAssistant((s) => s.refreshAdmin);
  const forgetAdmin = useAssistant((s) => s.forgetAdmin);
  const [now, setNow] = useState(() => Date.now());
  const askedAt = useRef<string | null>(null);
  const details = useRef<HTMLDetailsElement>(null);

  // The details drop down over the screen: a click elsewhere or Escape closes them, as a menu would.
  useEffect(() => {
    const closeOnOutside = (event: MouseEvent) => {
      const open = details.current;
      if (open?.open && !open.contains(event.target as Node)) open.open = false;
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      const open = details.current;
      if (event.key === 'Escape' && open?.open) {
        open.open = false;
        open.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', closeOnOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('mousedown', closeOnOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, []);

  useEffect(() => {
    void refreshAdmin();
  }, [refreshAdmin, step]);

  useEffect(() => {
    const again = () => {
      if (document.visibilityState !== 'hidden') void refreshAdmin();
    };
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [refreshAdmin]);

  const expiresAt = admin?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const tick = () => setNow(Date.now());
    // At once for a new deadline (the clock may have moved on since the last tick), then every second.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [expiresAt]);

  // A step may have used the keys since the last answer, which moves the deadline on: ask once when a
  // minute is left (so a longer time shows before the count reaches zero) and once at the deadline
  // (either it was forgotten, or it has a new one).
  useEffect(() => {
    if (!expiresAt) return;
    const left = Date.parse(expiresAt) - now;
    const moment = left <= 0 ? `${expiresAt}:end` : left <= LAST_MINUTE_MS ? `${expiresAt}:minute` : null;
    if (moment && askedAt.current !== moment && !askedAt.current?.startsWith(`${expiresAt}:end`)) {
      askedAt.current = moment;
      void refreshAdmin();
    }
  }, [expiresAt, now, refreshAdmin]);

  if (!admin) return null;
  const left = timeLeft(admin.expiresAt, now);
  return (
    <section className="admin-indicator" aria-label="Admin access">
      <details className="admin-indicator-details" ref={details}>
        <summary>
          <span className="admin-dot" aria-hidden="true" />
          Admin access open
          <span aria-hidden="true">
            {' · '}
            <span className="admin-countdown">{left}</span> left
          </span>
          <span className="visually-hidden">, forgotten in {inWords(admin.expiresAt, now)} unless used</span>
        </summary>
        <div className="admin-indicator-panel">
          <p>
            The assistant holds admin keys of {who(admin.arn)}
            {admin.keyIdMasked ? ` (key ${admin.keyIdMasked})` : ''}, account {admin.accountId}, in memory
            only
            {admin.kind === 'aws-profile'
              ? ', read once from your AWS profile (later changes to ~/.aws do not affect them)'
              : ''}
            .
          </p>
          <p className="muted">
            They are forgotten after {admin.idleMinutes} minutes without use (each step that uses them starts
            that time again), at {clockTime(admin.latestExpiresAt)} at the latest, and at once when the screen
            locks, the computer sleeps or the app goes to the tray.
          </p>
          {admin.rightsCheck === 'read-only' && (
            <p className="muted">
              AWS did not let the assistant check each permission of these keys, but they can read IAM. A step
              they may not do will say which permission is missing.
            </p>
          )}
          {/* On the dashboard the offer stands above the screen already (App). */}
          {step !== 'dashboard' && <AdminKeyOffer admin={admin} />}
        </div>
      </details>
      <button type="button" className="admin-forget" onClick={() => void forgetAdmin()}>
        Forget admin access
      </button>
    </section>
  );
}
