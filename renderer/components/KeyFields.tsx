import { useState, type ClipboardEvent } from 'react';
import type { ConnectInput } from '../../electron/ipc/schemas';
import {
  accessKeyId as accessKeyIdRule,
  secretKeyProblem,
  sessionToken as tokenRule,
} from '../../electron/ipc/schemas';
import type { AssistantError } from '../../electron/ipc/contract';
import { Field, problemOf } from './Field';

export interface KeyFieldsState {
  /** The keys ready to send, or null while something is missing or wrong. */
  ready: Extract<ConnectInput, { source: 'keys' }> | null;
  complete: boolean;
  /** Empties the secret fields: called as soon as the keys are sent. */
  clearSecrets(): void;
}

/** What a pasted block of credentials held, by field. */
export interface PastedKeys {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}

const FIELD_OF: Record<string, keyof PastedKeys> = {
  aws_access_key_id: 'accessKeyId',
  aws_secret_access_key: 'secretAccessKey',
  aws_session_token: 'sessionToken',
  aws_security_token: 'sessionToken',
  accesskeyid: 'accessKeyId',
  secretaccesskey: 'secretAccessKey',
  sessiontoken: 'sessionToken',
};

/**
 * A name the credentials are given under: shell lines (`AWS_ACCESS_KEY_ID=…`, `export …`, `set …`,
 * PowerShell `$Env:…`), the ini lines of ~/.aws/credentials (`aws_access_key_id = …`) and the JSON
 * of `aws sts get-session-token` / `aws configure export-credentials` (`"AccessKeyId": "…"`).
 * `export`/`set` count only at the start of a word, so a value ending in "set" stays whole.
 */
const NAME =
  /(?:(?<=^|[\s;&])(?:export|set)\s+|\$env:)?(aws_access_key_id|aws_secret_access_key|aws_session_token|aws_security_token)\s*=\s*|"(AccessKeyId|SecretAccessKey|SessionToken)"\s*:\s*/gi;

/**
 * Reads credentials pasted whole (a CloudShell line, an env block, an ini section, JSON) into the
 * fields they belong to. Returns null when the text names none of them. A field's value is the
 * first one given for it. Works on text whose line breaks a field has already removed
 * (`…EXAMPLEexport AWS_SECRET…`): key IDs and secrets have fixed lengths.
 */
export function parsePastedKeys(text: string): PastedKeys | null {
  const marks = [...text.matchAll(NAME)].map((m) => ({
    at: m.index,
    end: m.index + m[0].length,
    field: FIELD_OF[(m[1] ?? m[2])!.toLowerCase()]!,
  }));
  if (!marks.length) return null;
  const found: PastedKeys = {};
  marks.forEach((mark, i) => {
    const rest = text.slice(mark.end, marks[i + 1]?.at ?? text.length);
    let value = rest.match(/^\s*["']?([A-Za-z0-9+/=]+)/)?.[1];
    if (!value) return;
    if (mark.field === 'accessKeyId')
      value = value.match(/^(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/)?.[0] ?? value;
    else if (mark.field === 'secretAccessKey' && /^[A-Za-z0-9+/]{40}(export|set)$/i.test(value))
      value = value.slice(0, 40);
    else if (mark.field === 'sessionToken' && marks[i + 1])
      value = value.replace(/(?<=.{100})(export|set)$/i, '');
    found[mark.field] ??= value;
  });
  return found;
}

/**
 * A secret typed or pasted into the access key ID box: it is cleared at once, never shown, and
 * this says what it was. Null for anything that may be (part of) a key ID.
 */
export function keyIdBoxSecret(value: string): string | null {
  const v = value.trim();
  if (/^(AKIA|ASIA)/.test(v)) return null;
  if (/^[A-Za-z0-9+/]{40}$/.test(v))
    return 'This is the secret access key; the key ID starts with AKIA or ASIA.';
  if (/^[A-Za-z0-9+/=]{41,}$/.test(v))
    return 'This is a secret (an SMTP password or a session token), not the key ID; the key ID starts with AKIA or ASIA.';
  return null;
}

/**
 * Access key ID, secret access key and (for ASIA… keys) session token, each checked as it is typed
 * with the rules the main process enforces. Used for the sending user's keys and for admin keys.
 * Credentials pasted whole into any of the boxes are spread over the fields; a secret pasted into
 * the key ID box is never shown there.
 */
export function useKeyFields(region: string, idPrefix: string, serverError: AssistantError | null) {
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [token, setToken] = useState('');
  /** Why the key ID box was just emptied (a secret was put there). */
  const [keyIdNotice, setKeyIdNotice] = useState<string | null>(null);
  /** Which fields a pasted block filled in. */
  const [filledFrom, setFilledFrom] = useState<string | null>(null);

  const id = keyId.trim();
  const temporary = id.startsWith('ASIA');
  const keyIdProblem = keyIdNotice ?? problemOf(accessKeyIdRule, id);
  const secretProblem = secret ? secretKeyProblem(secret) : null;
  const tokenProblem = temporary ? problemOf(tokenRule, token.trim()) : null;
  const complete = Boolean(id && secret && (!temporary || token));
  const valid = complete && !keyIdProblem && !secretProblem && !tokenProblem;
  const fieldError = (field: string) => serverError?.fields?.[field];

  /** Spreads a pasted block over the fields; false when the text names no credential. */
  function fillFrom(text: string): boolean {
    const keys = parsePastedKeys(text);
    if (!keys) return false;
    const names: string[] = [];
    if (keys.accessKeyId !== undefined) {
      setKeyId(keys.accessKeyId);
      names.push('access key ID');
    }
    if (keys.secretAccessKey !== undefined) {
      setSecret(keys.secretAccessKey);
      names.push('secret access key');
    }
    if (keys.sessionToken !== undefined) {
      setToken(keys.sessionToken);
      names.push('session token');
    }
    setKeyIdNotice(null);
    setFilledFrom(
      names.length
        ? `Filled in from what you pasted: ${names.join(', ')}.`
        : 'What you pasted names AWS keys but holds no value for them.',
    );
    return true;
  }

  /** Every box: a pasted block is read before it can land (and show) in one field. */
  const onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData.getData('text');
    if (fillFrom(text)) event.preventDefault();
  };

  function changeKeyId(value: string) {
    const notice = keyIdBoxSecret(value);
    if (notice) {
      setKeyId('');
      setKeyIdNotice(notice);
      setFilledFrom(null);
      return;
    }
    if (fillFrom(value)) return;
    setKeyIdNotice(null);
    setKeyId(value);
  }

  const state: KeyFieldsState = {
    complete,
    ready: valid
      ? {
          source: 'keys',
          accessKeyId: id,
          secretAccessKey: secret,
          sessionToken: temporary ? token.trim() : undefined,
          region,
        }
      : null,
    clearSecrets() {
      setSecret('');
      setToken('');
      setFilledFrom(null);
    },
  };

  const fields = (
    <>
      <Field
        id={`${idPrefix}access-key-id`}
        label="Access key ID"
        hint="20 characters, starts with AKIA (or ASIA for temporary keys)."
        problem={keyIdProblem ?? fieldError('accessKeyId')}
      >
        <input
          id={`${idPrefix}access-key-id`}
          value={keyId}
          onChange={(e) => changeKeyId(e.target.value)}
          onPaste={(e) => {
            onPaste(e);
            if (e.defaultPrevented) return;
            // A secret pasted here is stopped before it is ever shown in this plain-text box.
            const notice = keyIdBoxSecret(e.clipboardData.getData('text'));
            if (notice) {
              e.preventDefault();
              setKeyId('');
              setKeyIdNotice(notice);
              setFilledFrom(null);
            }
          }}
          autoComplete="off"
          spellCheck={false}
          placeholder="AKIA…"
        />
      </Field>
      <Field
        id={`${idPrefix}secret-access-key`}
        label="Secret access key"
        hint="40 characters, shown only once when the key was created."
        problem={
          secretProblem ??
          fieldError('secretAccessKey') ??
          // After AWS refused the secret the field is empty again: say where the fix goes.
          (!secret && serverError?.code === 'AWS_WRONG_SECRET'
            ? 'Paste the secret access key again here.'
            : null)
        }
      >
        <input
          id={`${idPrefix}secret-access-key`}
          type="password"
          value={secret}
          onChange={(e) => {
            if (!fillFrom(e.target.value)) setSecret(e.target.value);
          }}
          onPaste={onPaste}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      {temporary && (
        <Field
          id={`${idPrefix}session-token`}
          label="Session token"
          hint="Temporary keys come with a long session token. Paste all of it."
          problem={tokenProblem ?? fieldError('sessionToken')}
        >
          <textarea
            id={`${idPrefix}session-token`}
            value={token}
            onChange={(e) => {
              if (!fillFrom(e.target.value)) setToken(e.target.value);
            }}
            onPaste={onPaste}
            rows={3}
            spellCheck={false}
          />
        </Field>
      )}
      {filledFrom && (
        <p role="status" className="muted">
          {filledFrom}
        </p>
      )}
    </>
  );
  return { fields, state };
}
