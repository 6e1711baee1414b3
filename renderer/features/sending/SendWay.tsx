import { Field } from '../../components/Field';
import type { FormChange, SendForm } from './send-form';

/** How the message goes: through the API, or over SMTP on the port the person picks. */
export function SendWay({
  form: { via, port },
  edit,
  region,
}: {
  form: SendForm;
  edit: (change: FormChange) => void;
  region: string;
}) {
  return (
    <>
      <fieldset className="choice">
        <legend>How should the message go?</legend>
        <label>
          <input type="radio" name="via" checked={via === 'api'} onChange={() => edit({ via: 'api' })} />
          <span>
            <strong>Through the SES API</strong>
            <small>How programs using an AWS SDK send. Uses your access key directly.</small>
          </span>
        </label>
        <label>
          <input type="radio" name="via" checked={via === 'smtp'} onChange={() => edit({ via: 'smtp' })} />
          <span>
            <strong>Over SMTP</strong>
            <small>
              How WordPress, contact forms and mail programs send: the SMTP server of {region} with your SMTP
              password.
            </small>
          </span>
        </label>
      </fieldset>
      {via === 'smtp' && (
        <Field id="smtp-port" label="Port" hint="587 is usual. If your network blocks it, try 465.">
          <select
            id="smtp-port"
            value={port}
            onChange={(e) => edit({ port: Number(e.target.value) === 465 ? 465 : 587 })}
          >
            <option value={587}>587 (STARTTLS, recommended)</option>
            <option value={465}>465 (TLS from the start)</option>
          </select>
        </Field>
      )}
    </>
  );
}
