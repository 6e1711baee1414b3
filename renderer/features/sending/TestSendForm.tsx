import type { FormEvent } from 'react';
import { Field } from '../../components/Field';
import { RecipientFields } from './RecipientFields';
import { SenderFields } from './SenderFields';
import { SendWay } from './SendWay';
import type { Addresses, FormChange, Sender, SendForm, Simulator } from './send-form';

/** The test message: how it goes, from whom, to whom, its subject, and the button that sends it. */
export function TestSendForm({
  form,
  edit,
  senders,
  simulator,
  addresses,
  region,
  busy,
  primary = true,
  onSend,
}: {
  form: SendForm;
  edit: (change: FormChange) => void;
  senders: Sender[] | null;
  simulator: Simulator[];
  addresses: Addresses;
  region: string;
  busy: boolean;
  /** Whether sending is the one main action now (not after a send went through, or while a fix leads). */
  primary?: boolean;
  onSend: (event: FormEvent) => void;
}) {
  return (
    <form className="panel" onSubmit={onSend} noValidate aria-busy={busy}>
      <SendWay form={form} edit={edit} region={region} />

      <SenderFields form={form} edit={edit} senders={senders} addresses={addresses} region={region} />

      <RecipientFields form={form} edit={edit} simulator={simulator} addresses={addresses} />
      <Field
        id="send-subject"
        label="Subject (optional)"
        hint="Leave empty for “Test message from the SES Setup Assistant”."
      >
        <input id="send-subject" value={form.subject} onChange={(e) => edit({ subject: e.target.value })} />
      </Field>
      {form.touched && !addresses.ready && <p className="problem">Choose a sender and a recipient first.</p>}
      <div className="actions">
        <button className={primary ? 'primary' : undefined} type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send test message'}
        </button>
      </div>
      {busy && (
        <p role="status" className="muted">
          Handing the message to Amazon SES{' '}
          {form.via === 'smtp' ? `over SMTP on port ${form.port}` : 'through the API'}…
        </p>
      )}
    </form>
  );
}
