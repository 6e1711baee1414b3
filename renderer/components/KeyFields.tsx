import { useState } from 'react';
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

/**
 * Access key ID, secret access key and (for ASIA… keys) session token, each checked as it is typed
 * with the rules the main process enforces. Used for the sending user's keys and for admin keys.
 */
export function useKeyFields(region: string, idPrefix: string, serverError: AssistantError | null) {
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [token, setToken] = useState('');

  const id = keyId.trim();
  const temporary = id.startsWith('ASIA');
  const keyIdProblem = problemOf(accessKeyIdRule, id);
  const secretProblem = secret ? secretKeyProblem(secret) : null;
  const tokenProblem = temporary ? problemOf(tokenRule, token.trim()) : null;
  const complete = Boolean(id && secret && (!temporary || token));
  const valid = complete && !keyIdProblem && !secretProblem && !tokenProblem;
  const fieldError = (field: string) => serverError?.fields?.[field];

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
          onChange={(e) => setKeyId(e.target.value)}
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
          onChange={(e) => setSecret(e.target.value)}
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
            onChange={(e) => setToken(e.target.value)}
            rows={3}
            spellCheck={false}
          />
        </Field>
      )}
    </>
  );
  return { fields, state };
}
