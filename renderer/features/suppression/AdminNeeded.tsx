import { useEffect } from 'react';
import { useAssistant } from '../../app/store';
import { AdminAccess } from '../../components/AdminAccess';
import { ADMIN_FORM, type useAdminRetry } from './useAdminRetry';

/**
 * The admin-needed state of a panel: an offer in words with a button, or the admin form itself, and
 * nothing when admin access is not needed. When another admin form is already on the screen (the
 * feedback set-up, the other panel), it points there instead of adding a second one: one form is
 * less to read, and two would share their field ids.
 */
export function AdminNeeded({
  admin,
  region,
  offerLabel,
}: {
  admin: ReturnType<typeof useAdminRetry>;
  /** The region the panel shows; the app's own until the panel has read one. */
  region: string;
  offerLabel: string;
}) {
  const appRegion = useAssistant((s) => s.app?.region) ?? '';
  const elsewhere = Boolean(admin.asking && admin.elsewhere);

  // Takes the person to the form already on the screen.
  useEffect(() => {
    if (!elsewhere) return;
    const form = document.querySelector<HTMLFormElement>(ADMIN_FORM);
    form?.scrollIntoView?.({ block: 'start' });
    form?.querySelector('input')?.focus();
  }, [elsewhere]);

  if (admin.offered)
    return (
      <div className="notice admin-offer">
        <p>{admin.offered}</p>
        <p>
          With admin access, given for a moment, the assistant can. The keys stay in memory only and are
          forgotten after a few minutes.
        </p>
        <button type="button" onClick={admin.accept}>
          {offerLabel}
        </button>
      </div>
    );
  if (admin.asking && elsewhere)
    return (
      <div className="notice admin-offer" role="status">
        <p>{admin.asking}</p>
        <p>
          Give admin keys in “Admin access, for a moment” on this screen: this part carries on by itself once
          they are accepted.
        </p>
      </div>
    );
  if (admin.asking)
    return (
      <AdminAccess
        region={region || appRegion}
        why={`${admin.asking} Admin access is kept in memory only, for a few minutes.`}
        onChange={admin.adminChanged}
      />
    );
  return null;
}
