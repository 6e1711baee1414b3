/**
 * Input rules shared by the router and the renderer's forms (zod only: no Node, no Electron), so a
 * form checks what the person types with exactly the rules the main process enforces.
 * Messages never repeat the value they reject: a pasted secret must not come back in an error.
 */
import { z } from 'zod';

/** Every screen of the assistant. Each area adds its own on its own line. */
export const STEPS = [
  'welcome',
  'connect',
  'connected',
  // screens of the sending user (issue 3)
  // screens of region, identity and DNS (issue 4)
  // screens of the sandbox, test sends and dashboard (issue 5)
  // screens of rotation (issue 6)
] as const;
export const stepId = z.enum(STEPS, { error: 'That is not a step of the assistant.' });
export type StepId = z.infer<typeof stepId>;

export const profileId = z
  .string({ error: 'A saved connection is needed.' })
  .regex(/^[a-z0-9-]{1,64}$/, 'That is not a saved connection.');

/** Commercial and GovCloud region codes, e.g. us-east-1, eu-central-2, us-gov-west-1. */
export const regionCode = z
  .string({ error: 'Choose a region.' })
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/, 'A region code looks like us-east-1 or eu-west-2.');

export const accessKeyId = z
  .string({ error: 'Paste the access key ID.' })
  .trim()
  .min(1, 'Paste the access key ID.')
  .regex(
    /^(AKIA|ASIA)[A-Z0-9]{16}$/,
    'An access key ID is 20 letters and digits and starts with AKIA or ASIA.',
  );

/**
 * Tells apart the things people paste where the secret access key belongs. Returns null when the
 * value has the shape of a secret access key.
 */
export function secretKeyProblem(value: string): string | null {
  const v = value.trim();
  if (v.length === 0) return 'Paste the secret access key.';
  if (/^B[A-Za-z0-9+/]{43}$/.test(v))
    return 'This looks like an SMTP password, not a secret access key. Paste the secret access key that was shown next to the access key ID.';
  if (/^(AKIA|ASIA)[A-Z0-9]{16}$/.test(v))
    return 'This is an access key ID. The secret access key is the longer value shown next to it.';
  if (/[^A-Za-z0-9+/]/.test(v) || v.length < 30)
    return 'This looks like a console sign-in password. The assistant needs an access key’s secret: 40 characters of letters, digits, + and /.';
  if (v.length !== 40) return 'A secret access key is exactly 40 characters. Some may be missing or extra.';
  return null;
}

export const secretAccessKey = z
  .string({ error: 'Paste the secret access key.' })
  .superRefine((value, ctx) => {
    const problem = secretKeyProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((v) => v.trim());

export const sessionToken = z
  .string({ error: 'Paste the session token.' })
  .trim()
  .min(100, 'A session token is a long value (hundreds of characters). Paste all of it.')
  .max(4096, 'That is longer than any session token.')
  .regex(/^[A-Za-z0-9+/=]+$/, 'A session token has only letters, digits, +, / and =.');

export const awsProfileName = z
  .string({ error: 'Choose an AWS profile.' })
  .regex(/^[A-Za-z0-9_.+=,@-]{1,64}$/, 'That is not a valid AWS profile name.');

const keysSource = z
  .object({
    source: z.literal('keys'),
    accessKeyId,
    secretAccessKey,
    sessionToken: sessionToken.optional(),
    region: regionCode,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.accessKeyId.startsWith('ASIA') && !value.sessionToken)
      ctx.addIssue({
        code: 'custom',
        path: ['sessionToken'],
        message: 'Keys that start with ASIA are temporary and come with a session token: paste it too.',
      });
    if (value.accessKeyId.startsWith('AKIA') && value.sessionToken)
      ctx.addIssue({
        code: 'custom',
        path: ['sessionToken'],
        message: 'Keys that start with AKIA are long-term keys and have no session token: leave it empty.',
      });
  });

const profileSource = z
  .object({ source: z.literal('profile'), profileName: awsProfileName, region: regionCode })
  .strict();

export const connectInput = z.discriminatedUnion('source', [keysSource, profileSource], {
  error: 'Choose how to connect: paste keys or pick an AWS profile.',
});
export type ConnectInput = z.input<typeof connectInput>;

export const empty = z.object({}).strict();

export const copyableText = z
  .string({ error: 'There is nothing to copy.' })
  .min(1, 'There is nothing to copy.')
  .max(20_000, 'That is too long to copy.');
