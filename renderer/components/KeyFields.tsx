import { useRef, useState, type ClipboardEvent } from 'react';
import type { ConnectInput } from '../../electron/ipc/schemas';
import {
  accessKeyId as accessKeyIdRule,
  secretKeyProblem,
  sessionToken as tokenRule,
  withoutInvisible,
} from '../../electron/ipc/schemas';
import type { AssistantError } from '../../electron/ipc/contract';
import { Field, problemOf } from './Field';
import {
  isKeyIdShaped,
  keyIdBoxSecret,
  misplaced,
  parsePastedKeys,
  removedWords,
  type Misplaced,
} from './pasted-keys';

export interface KeyFieldsState {
  /** The keys ready to send, or null while something is missing or wrong. */
  ready: Extract<ConnectInput, { source: 'keys' }> | null;
  complete: boolean;
  /** What the key ID box holds when it has the shape of a key ID, else '' (never a secret put there). */
  keyId: string;
  /** Empties the secret fields: called once the keys have been sent and are not needed again. */
  clearSecrets(): void;
}

type KeyField = 'accessKeyId' | 'secretAccessKey' | 'sessionToken';

const MOVE_WORDS: Record<Misplaced, { what: string; button: string }> = {
  swap: { what: 'The key ID and the secret are in each other’s boxes.', button: 'Swap them' },
  'secret-to-its-box': {
    what: 'The secret access key is in the key ID box.',
    button: 'Move it to the secret box',
  },
  'key-id-to-its-box': {
    what: 'The access key ID is in the secret box.',
    button: 'Move it to the key ID box',
  },
};

/**
 * Access key ID, secret access key and (for ASIA… keys) session token, each checked as it is typed
 * with the rules the main process enforces. Used for the sending user's keys and for admin keys.
 * Invisible characters a copy brought along are removed as they arrive, and the box says so.
 * Credentials pasted whole into any of the boxes are spread over the fields. A secret put in the key
 * ID box is never shown there: a secret access key is kept hidden, with one click to move it (or to
 * swap the two boxes); a longer secret is cleared.
 */
export function useKeyFields(
  region: string,
  idPrefix: string,
  serverError: AssistantError | null,
  initialKeyId = '',
) {
  const [keyId, setKeyId] = useState(initialKeyId);
  const [secret, setSecret] = useState('');
  const [token, setToken] = useState('');
  /** Why the key ID box was just emptied (a longer secret was put there). */
  const [keyIdNotice, setKeyIdNotice] = useState<string | null>(null);
  /** Which fields a pasted block filled in. */
  const [filledFrom, setFilledFrom] = useState<string | null>(null);
  /** Invisible characters removed from each box, said under it until the box is pasted into or emptied. */
  const [removed, setRemoved] = useState<Partial<Record<KeyField, number>>>({});
  const pasting = useRef<KeyField | null>(null);

  const secretInIdBox = keyIdBoxSecret(keyId);
  const temporary = keyId.startsWith('ASIA');
  const keyIdProblem = keyIdNotice ?? secretInIdBox?.notice ?? problemOf(accessKeyIdRule, keyId);
  const secretProblem = secret ? secretKeyProblem(secret) : null;
  const tokenProblem = temporary ? problemOf(tokenRule, token) : null;
  const complete = Boolean(keyId && secret && (!temporary || token));
  const valid = complete && !keyIdProblem && !secretProblem && !tokenProblem;
  const offer = misplaced(keyId, secret);
  const fieldError = (field: string) => serverError?.fields?.[field];
  const setters: Record<KeyField, (v: string) => void> = {
    accessKeyId: setKeyId,
    secretAccessKey: setSecret,
    sessionToken: setToken,
  };

  /** Puts a typed or pasted value in its box without invisible characters, noting how many there were. */
  function put(field: KeyField, raw: string) {
    const { value, removed: count } = withoutInvisible(raw);
    setters[field](value);
    const fresh = pasting.current === field || !value;
    pasting.current = null;
    setRemoved((r) => (count || fresh ? { ...r, [field]: count } : r));
  }

  /** Spreads a pasted block over the fields; false when the text names no credential. */
  function fillFrom(text: string): boolean {
    const keys = parsePastedKeys(text);
    if (!keys) return false;
    const names: string[] = [];
    const words: Record<KeyField, string> = {
      accessKeyId: 'access key ID',
      secretAccessKey: 'secret access key',
      sessionToken: 'session token',
    };
    for (const field of ['accessKeyId', 'secretAccessKey', 'sessionToken'] as const) {
      if (keys[field] === undefined) continue;
      setters[field](withoutInvisible(keys[field]).value);
      names.push(words[field]);
    }
    setKeyIdNotice(null);
    setRemoved({});
    setFilledFrom(
      [
        names.length
          ? `Filled in from what you pasted: ${names.join(', ')}.`
          : 'What you pasted names AWS keys but holds no value for them.',
        removedWords(keys.removed),
      ]
        .filter(Boolean)
        .join(' '),
    );
    return true;
  }

  /** Every box: a pasted block is read before it can land (and show) in one field. */
  const onPaste = (field: KeyField) => (event: ClipboardEvent) => {
    const text = event.clipboardData.getData('text');
    if (fillFrom(text)) return event.preventDefault();
    pasting.current = field;
  };

  function changeKeyId(value: string) {
    if (fillFrom(value)) return;
    const found = keyIdBoxSecret(value);
    if (found && !found.keep) {
      setKeyId('');
      setKeyIdNotice(found.notice);
      setFilledFrom(null);
      return;
    }
    setKeyIdNotice(null);
    put('accessKeyId', value);
  }

  /** The one click that puts misplaced values in their boxes. */
  function move(what: Misplaced) {
    const [id, sec] = [keyId, secret];
    if (what === 'swap' || what === 'secret-to-its-box') setSecret(id);
    if (what === 'swap' || what === 'key-id-to-its-box') setKeyId(sec);
    if (what === 'secret-to-its-box') setKeyId('');
    if (what === 'key-id-to-its-box') setSecret('');
    setRemoved({});
    // The button goes away with the problem: the box that still needs something takes the focus.
    const next = what === 'key-id-to-its-box' ? 'secret-access-key' : 'access-key-id';
    document.getElementById(`${idPrefix}${next}`)?.focus();
  }

  const state: KeyFieldsState = {
    complete,
    keyId: isKeyIdShaped(keyId) ? keyId : '',
    ready: valid
      ? {
          source: 'keys',
          accessKeyId: keyId,
          secretAccessKey: secret,
          sessionToken: temporary ? token : undefined,
          region,
        }
      : null,
    clearSecrets() {
      setSecret('');
      setToken('');
      setFilledFrom(null);
      setRemoved((r) => ({ ...r, secretAccessKey: 0, sessionToken: 0 }));
    },
  };

  const fields = (
    <>
      <Field
        id={`${idPrefix}access-key-id`}
        label="Access key ID"
        hint="20 characters, starts with AKIA (or ASIA for temporary keys)."
        problem={keyIdProblem ?? fieldError('accessKeyId')}
        note={removedWords(removed.accessKeyId ?? 0)}
      >
        <input
          id={`${idPrefix}access-key-id`}
          // A secret access key put here stays until it is moved, and is never shown.
          type={secretInIdBox ? 'password' : 'text'}
          value={keyId}
          onChange={(e) => changeKeyId(e.target.value)}
          onPaste={(e) => {
            onPaste('accessKeyId')(e);
            if (e.defaultPrevented) return;
            // A secret pasted here is stopped before it is ever shown in this plain-text box.
            const text = e.clipboardData.getData('text');
            if (keyIdBoxSecret(text)) {
              e.preventDefault();
              changeKeyId(text);
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
        note={removedWords(removed.secretAccessKey ?? 0)}
      >
        <input
          id={`${idPrefix}secret-access-key`}
          type="password"
          value={secret}
          onChange={(e) => {
            if (!fillFrom(e.target.value)) put('secretAccessKey', e.target.value);
          }}
          onPaste={onPaste('secretAccessKey')}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      {offer && (
        <div className="key-move" role="status">
          <p>{MOVE_WORDS[offer].what}</p>
          <button type="button" onClick={() => move(offer)}>
            {MOVE_WORDS[offer].button}
          </button>
        </div>
      )}
      {temporary && (
        <Field
          id={`${idPrefix}session-token`}
          label="Session token"
          hint="Temporary keys come with a long session token. Paste all of it."
          problem={tokenProblem ?? fieldError('sessionToken')}
          note={removedWords(removed.sessionToken ?? 0)}
        >
          <textarea
            id={`${idPrefix}session-token`}
            value={token}
            onChange={(e) => {
              if (!fillFrom(e.target.value)) put('sessionToken', e.target.value);
            }}
            onPaste={onPaste('sessionToken')}
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
