/**
 * What people paste into the key boxes, read without React: whole blocks of credentials, a secret in
 * the key ID box, the two values in each other's boxes, and invisible characters a copy brought along.
 * Invisible characters are removed by the very rule the router applies (withoutInvisible).
 */
import { KEY_ID_SHAPE, SECRET_SHAPE, withoutInvisible } from '../../electron/ipc/schemas';

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
 * Zero-width and other format characters (U+200B, U+FEFF…) inside a block. Spaces and line breaks
 * stay: they separate the names and values, and the parser takes any of them (\s covers U+00A0).
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * Reads credentials pasted whole (a CloudShell line, an env block, an ini section, JSON) into the
 * fields they belong to. Returns null when the text names none of them. A field's value is the
 * first one given for it. Works on text whose line breaks a field has already removed
 * (`…EXAMPLEexport AWS_SECRET…`): key IDs and secrets have fixed lengths. `removed` counts the
 * invisible characters taken out of the block.
 */
export function parsePastedKeys(pasted: string): (PastedKeys & { removed: number }) | null {
  const removed = pasted.match(FORMAT_CHARACTERS)?.length ?? 0;
  const text = pasted.replace(FORMAT_CHARACTERS, '');
  const marks = [...text.matchAll(NAME)].map((m) => ({
    at: m.index,
    end: m.index + m[0].length,
    field: FIELD_OF[(m[1] ?? m[2])!.toLowerCase()]!,
  }));
  if (!marks.length) return null;
  const found: PastedKeys & { removed: number } = { removed };
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

/** A value with the shape of a secret access key (and not of a key ID). */
export const isSecretShaped = (value: string): boolean => SECRET_SHAPE.test(withoutInvisible(value).value);

/** A value with the shape of an access key ID. */
export const isKeyIdShaped = (value: string): boolean => KEY_ID_SHAPE.test(withoutInvisible(value).value);

/**
 * A secret typed or pasted into the access key ID box, said in words; null for anything that may be
 * (part of) a key ID. A secret access key is kept there, hidden, so it can be moved to its own box;
 * a longer secret (an SMTP password, a session token) is cleared at once.
 */
export function keyIdBoxSecret(value: string): { notice: string; keep: boolean } | null {
  const v = withoutInvisible(value).value;
  if (/^(AKIA|ASIA)/.test(v)) return null;
  if (SECRET_SHAPE.test(v))
    return { notice: 'This is the secret access key; the key ID starts with AKIA or ASIA.', keep: true };
  if (/^[A-Za-z0-9+/=]{41,}$/.test(v))
    return {
      notice:
        'This is a secret (an SMTP password or a session token), not the key ID; the key ID starts with AKIA or ASIA.',
      keep: false,
    };
  return null;
}

/**
 * Values in the wrong box, and the one click that puts them right: both swapped, or one in the
 * other's box while that box is empty. Null when nothing is misplaced.
 */
export type Misplaced = 'swap' | 'secret-to-its-box' | 'key-id-to-its-box';

export function misplaced(keyIdBox: string, secretBox: string): Misplaced | null {
  const secretInIdBox = isSecretShaped(keyIdBox);
  const idInSecretBox = isKeyIdShaped(secretBox);
  if (secretInIdBox && idInSecretBox) return 'swap';
  if (secretInIdBox && !secretBox) return 'secret-to-its-box';
  if (idInSecretBox && !keyIdBox) return 'key-id-to-its-box';
  return null;
}

/** "Removed 2 invisible characters from what you pasted." */
export function removedWords(removed: number): string | null {
  if (removed <= 0) return null;
  return `Removed ${removed === 1 ? '1 invisible character' : `${removed} invisible characters`} from what you pasted.`;
}
