import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssistantError } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';

/** The codes that mean "this needs admin access first". */
const NEEDS_ADMIN = new Set(['ADMIN_NEEDED', 'SUPPRESSION_READ_NEEDS_ADMIN']);

/** The admin form (components/AdminAccess.tsx) marks itself so other panels can find it. */
export const ADMIN_FORM = 'form[data-admin-form]';

/** How often to look whether admin access was given elsewhere on the screen (a local call, no AWS). */
const WATCH_MS = 1_500;

/**
 * Remembers what failed for want of admin access and runs it again once access is given. After a
 * click the admin form shows at once (`asking`); after a read the panel made by itself, only an
 * offer shows (`offered`), so opening a screen never greets the person with a key form. Access given
 * through another admin form on the same screen counts too: while something waits, the main
 * process is asked now and then whether an admin session is open.
 */
export function useAdminRetry() {
  const [offered, setOffered] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  /** Another admin form was already on the screen when access was asked for: use that one. */
  const [elsewhere, setElsewhere] = useState(false);
  const pending = useRef<(() => Promise<void>) | null>(null);

  /** true when the error was "admin needed": the caller then shows no error panel of its own. */
  const ask = useCallback(
    (error: AssistantError, retry: () => Promise<void>, options: { onlyOffer?: boolean } = {}): boolean => {
      if (!NEEDS_ADMIN.has(error.code)) return false;
      pending.current = retry;
      if (options.onlyOffer) setOffered(error.explanation);
      else {
        setElsewhere(document.querySelector(ADMIN_FORM) !== null);
        setAsking(error.explanation);
      }
      return true;
    },
    [],
  );

  const accept = useCallback(() => {
    setElsewhere(document.querySelector(ADMIN_FORM) !== null);
    setAsking(offered);
    setOffered(null);
  }, [offered]);

  const adminChanged = useCallback((admin: unknown) => {
    if (!admin) return;
    const retry = pending.current;
    pending.current = null;
    setAsking(null);
    setOffered(null);
    if (retry) void retry();
  }, []);

  const waiting = Boolean(offered || asking);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      void invoke('admin.status', {}).then((r) => {
        if (r.ok && r.value) adminChanged(r.value);
      });
    }, WATCH_MS);
    return () => clearInterval(timer);
  }, [waiting, adminChanged]);

  return { offered, asking, elsewhere, ask, accept, adminChanged };
}
