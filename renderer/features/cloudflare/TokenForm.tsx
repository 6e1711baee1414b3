import { useState, type ClipboardEvent, type FormEvent } from 'react';
import { cloudflareToken } from '../../../electron/ipc/inputs/cloudflare';
import { Field, problemOf } from '../../components/Field';

/**
 * Where the person pastes the Cloudflare token. A paste that looks like a token is sent at once (one
 * action, not two); the field is cleared as soon as it is sent, so the token does not stay on screen.
 */
export function TokenForm({
  busy,
  primary,
  onToken,
}: {
  busy: boolean;
  primary: boolean;
  onToken: (token: string) => void;
}) {
  const [value, setValue] = useState('');
  const problem = problemOf(cloudflareToken, value);

  function send(token: string) {
    const parsed = cloudflareToken.safeParse(token);
    if (!parsed.success) return;
    setValue('');
    onToken(parsed.data);
  }

  function pasted(event: ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData('text');
    if (!cloudflareToken.safeParse(text).success) return;
    event.preventDefault();
    send(text);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send(value);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Field
        id="cloudflare-token"
        label="Cloudflare token"
        hint="Paste the token Cloudflare shows after “Create Token”. It is checked with Cloudflare, then kept in your system keychain."
        problem={problem}
      >
        <input
          id="cloudflare-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onPaste={pasted}
          disabled={busy}
        />
      </Field>
      <div className="actions">
        <button
          type="submit"
          className={primary ? 'primary' : undefined}
          disabled={busy || !value || !!problem}
        >
          {busy ? 'Checking the token with Cloudflare…' : 'Use this token'}
        </button>
      </div>
    </form>
  );
}
