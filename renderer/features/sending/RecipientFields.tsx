import { Field } from '../../components/Field';
import { OTHER, type Addresses, type FormChange, type SendForm, type Simulator } from './send-form';

/**
 * Who receives it: a card for each address of the SES mailbox simulator (with what it does), each
 * verified address of the person's own, or another address typed in.
 */
export function RecipientFields({
  form: { to, otherTo },
  edit,
  simulator,
  addresses: { verified, toProblem },
}: {
  form: SendForm;
  edit: (change: FormChange) => void;
  simulator: Simulator[];
  addresses: Addresses;
}) {
  const verifiedAddresses = verified.filter((s) => s.kind === 'address');
  return (
    <>
      <fieldset className="choice recipients">
        <legend>Send it to</legend>
        {simulator.map((s) => (
          <label key={s.address}>
            <input
              type="radio"
              name="to"
              checked={to === s.address}
              onChange={() => edit({ to: s.address })}
            />
            <span>
              <strong>
                Simulator: {s.label} <code>{s.address}</code>
              </strong>
              <small>{s.meaning}</small>
            </span>
          </label>
        ))}
        {verifiedAddresses.map((s) => (
          <label key={s.identity}>
            <input
              type="radio"
              name="to"
              checked={to === s.identity}
              onChange={() => edit({ to: s.identity })}
            />
            <span>
              <strong>{s.identity}</strong>
              <small>A verified address of yours: the message should arrive in its inbox.</small>
            </span>
          </label>
        ))}
        <label>
          <input type="radio" name="to" checked={to === OTHER} onChange={() => edit({ to: OTHER })} />
          <span>
            <strong>Another address</strong>
            <small>In the sandbox it must be verified first; the assistant offers to do it.</small>
          </span>
        </label>
      </fieldset>
      {to === OTHER && (
        <Field
          id="send-to-other"
          label="Recipient address"
          hint="Where the test should go."
          problem={toProblem}
        >
          <input
            id="send-to-other"
            value={otherTo}
            onChange={(e) => edit({ otherTo: e.target.value })}
            placeholder="someone@example.com"
          />
        </Field>
      )}
    </>
  );
}
