import type { OutputOf } from '../../../electron/ipc/contract';
import { inWords } from './OtherZonesConfirm';

type Status = OutputOf<'cloudflare.status'>;

/**
 * The token kept for the domain: which zone it opens, the other domains it can change when the
 * person agreed to them, and, until every record is in place (when ForgetOffer takes over), a link to
 * forget it.
 */
export function KeptToken({
  status,
  domain,
  forgetLink,
  onForget,
}: {
  status: Status;
  domain: string;
  forgetLink: boolean;
  onForget: () => void;
}) {
  return (
    <>
      <p>
        Connected to Cloudflare for <strong>{status.zone?.name ?? domain}</strong>. The token is kept in your
        system keychain.{' '}
        {forgetLink && (
          <button type="button" className="link" onClick={onForget}>
            Forget the token
          </button>
        )}
      </p>
      {status.otherZones > 0 && (
        <p className="notice">
          This token can also change the DNS of{' '}
          {status.otherZoneNames.length
            ? `${inWords(status.otherZoneNames)}, as you agreed`
            : `${status.otherZones} other domain${status.otherZones === 1 ? '' : 's'}`}
          . It is safer to limit it: at Cloudflare open My Profile → API Tokens, edit it, and under “Zone
          Resources” choose only {domain}.
        </p>
      )}
    </>
  );
}

/** Every record is in place: the token has done its work, so the panel offers to forget it. */
export function ForgetOffer({ onForget }: { onForget: () => void }) {
  return (
    <div className="panel">
      <p>
        Every record is in place at Cloudflare, so the assistant no longer needs the token. Forget it, and it
        is no longer kept on this computer; to take the records back later from “What this app created”, you
        would paste a token again.
      </p>
      <div className="actions">
        <button type="button" onClick={onForget}>
          Forget the token
        </button>
      </div>
    </div>
  );
}
