import { Field } from '../../components/Field';
import { OTHER, type Addresses, type Sender, type FormChange, type SendForm } from './send-form';

/** Who the message is from: a verified sender (any address of a verified domain), or another address. */
export function SenderFields({
  form: { identity, localPart, otherFrom, touched },
  edit,
  senders,
  addresses: { verified, chosen, fromProblem },
  region,
}: {
  form: SendForm;
  edit: (change: FormChange) => void;
  senders: Sender[] | null;
  addresses: Addresses;
  region: string;
}) {
  return (
    <>
      <Field
        id="send-from"
        label="From"
        hint={
          senders === null
            ? 'Looking for your verified senders…'
            : verified.length
              ? `Only addresses and domains verified in ${region} can send.`
              : `No verified sender in ${region} yet. Verify one in the DNS step, or type an address you verified in the AWS console.`
        }
      >
        <select id="send-from" value={identity} onChange={(e) => edit({ identity: e.target.value })}>
          {verified.map((s) => (
            <option key={s.identity} value={s.identity}>
              {s.kind === 'domain' ? `Any address at ${s.identity}` : s.identity}
            </option>
          ))}
          <option value={OTHER}>Another address…</option>
        </select>
      </Field>
      {chosen?.kind === 'domain' && (
        <Field
          id="send-from-local"
          label={`Address before @${chosen.identity} (for example hello)`}
          hint="Any address at this domain can send, since the domain is verified."
          problem={touched ? fromProblem : null}
        >
          <input
            id="send-from-local"
            value={localPart}
            onChange={(e) => edit({ localPart: e.target.value })}
          />
        </Field>
      )}
      {(identity === OTHER || !chosen) && senders !== null && (
        <Field
          id="send-from-other"
          label="Sender address"
          hint="It must be verified (or its domain) in this region."
          problem={fromProblem}
        >
          <input
            id="send-from-other"
            value={otherFrom}
            onChange={(e) => edit({ otherFrom: e.target.value })}
            placeholder="you@example.com"
          />
        </Field>
      )}
    </>
  );
}
