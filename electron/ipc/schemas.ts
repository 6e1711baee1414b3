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
  'ledger',
  'smtp',
  'dns',
  'region',
  'identity',
  'test-send',
  'sandbox',
  'dashboard',
  'rotation',
  'feedback',
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

/**
 * What a copy can carry that no AWS key, secret or session token holds and nobody can see: format
 * characters (zero-width space U+200B, byte-order mark U+FEFF, soft hyphen…), space separators
 * (no-break space U+00A0…), line and paragraph separators, and control characters (line breaks, tabs).
 */
const INVISIBLE = /[\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Cc}]/gu;

/**
 * A pasted key, secret or token without invisible characters, and how many there were. Ordinary
 * spaces and line breaks at either end are dropped without being counted: every box trims those.
 * The one cleaning rule for every way keys come in: the rules below and the forms use it.
 */
export function withoutInvisible(value: string): { value: string; removed: number } {
  const trimmed = value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  return { value: trimmed.replace(INVISIBLE, ''), removed: trimmed.match(INVISIBLE)?.length ?? 0 };
}

/** The shapes of an access key ID and of a secret access key, for telling one from the other. */
export const KEY_ID_SHAPE = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
export const SECRET_SHAPE = /^[A-Za-z0-9+/]{40}$/;

/** A string rule that first removes invisible characters (withoutInvisible). */
const pastedKey = (missing: string) =>
  z.string({ error: missing }).transform((v) => withoutInvisible(v).value);

export const accessKeyId = pastedKey('Paste the access key ID.').pipe(
  z
    .string()
    .min(1, 'Paste the access key ID.')
    .regex(KEY_ID_SHAPE, 'An access key ID is 20 letters and digits and starts with AKIA or ASIA.'),
);

/**
 * A console sign-in password, as far as its shape tells: printable ASCII, not longer than such
 * passwords usually are, without a run of characters as long as most of a secret, and either with a
 * character no secret has (! @ # …) or too short to be part of one.
 */
function looksLikeConsolePassword(v: string): boolean {
  if (!/^[!-~]{6,64}$/.test(v) || /[A-Za-z0-9+/]{30}/.test(v)) return false;
  return /[^A-Za-z0-9+/]/.test(v) || v.length < 20;
}

/**
 * Tells apart the things people paste where the secret access key belongs. Returns null when the
 * value has the shape of a secret access key. It judges the value as given: the secretAccessKey rule
 * removes invisible characters first; a caller that does not gets told they are there.
 */
export function secretKeyProblem(value: string): string | null {
  const { value: v, removed } = withoutInvisible(value);
  if (v.length === 0) return 'Paste the secret access key.';
  if (/^B[A-Za-z0-9+/]{43}$/.test(v))
    return 'This looks like an SMTP password, not a secret access key. Paste the secret access key that was shown next to the access key ID.';
  if (KEY_ID_SHAPE.test(v))
    return 'This is an access key ID. The secret access key is the longer value shown next to it.';
  if (SECRET_SHAPE.test(v))
    return removed
      ? `This holds a secret access key and ${removed === 1 ? 'an invisible character' : `${removed} invisible characters`} (such as a zero-width space) that came with the copy. Remove ${removed === 1 ? 'it' : 'them'}, or copy the secret again.`
      : null;
  if (/^[A-Za-z0-9+/=]{100,}$/.test(v))
    return 'This looks like a session token. It goes in the Session token box, which appears once an access key ID starting with ASIA is filled in.';
  if (looksLikeConsolePassword(v))
    return 'This looks like a console sign-in password. The assistant needs an access key’s secret: 40 characters of letters, digits, + and /.';
  if (/[^A-Za-z0-9+/]/.test(v))
    return 'A secret access key has only letters, digits, + and /, and this has other characters too. Copy only the secret, without quotes or a label around it.';
  return 'A secret access key is exactly 40 characters. Some may be missing or extra.';
}

export const secretAccessKey = pastedKey('Paste the secret access key.').superRefine((value, ctx) => {
  const problem = secretKeyProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const sessionToken = pastedKey('Paste the session token.').pipe(
  z
    .string()
    .min(100, 'A session token is a long value (hundreds of characters). Paste all of it.')
    .max(4096, 'That is longer than any session token.')
    .regex(/^[A-Za-z0-9+/=]+$/, 'A session token has only letters, digits, +, / and =.'),
);

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

/**
 * An international name (bücher.example) in the ASCII form DNS and SES use (xn--bcher-kva.example),
 * by the WHATWG URL host parser (UTS #46 processing, as browsers do), which both the renderer and
 * Node have. ASCII names, and anything that is not a bare host name, are returned unchanged for the
 * shape check to judge.
 */
export function toAsciiHost(value: string): string {
  if (/^[ -~]*$/.test(value) || /[/\\:@?#\s]/.test(value)) return value;
  try {
    return new URL(`http://${value}`).hostname;
  } catch {
    return value;
  }
}

/**
 * A host name as people type it: lower-cased, a trailing dot dropped, letters, digits and hyphens in
 * dot-separated labels. `minLabels` 2 for a domain (example.com), 1 for a MAIL FROM label (bounce).
 */
function hostName(messages: { missing: string; shape: string }, minLabels: 1 | 2) {
  const labels = minLabels === 2 ? '+' : '*';
  return z
    .string({ error: messages.missing })
    .trim()
    .toLowerCase()
    .transform((v) => toAsciiHost(v.replace(/\.$/, '')))
    .pipe(
      z
        .string()
        .max(253, 'A domain name is at most 253 characters.')
        .regex(
          new RegExp(`^(?!-)[a-z0-9-]{1,63}(?<!-)(\\.(?!-)[a-z0-9-]{1,63}(?<!-))${labels}$`),
          messages.shape,
        ),
    );
}

/** A domain name as people type it: at least two labels. */
export const domainName = hostName(
  {
    missing: 'Enter a domain, such as example.com.',
    shape: 'Enter a domain such as example.com, without http:// or a path.',
  },
  2,
);

/** An email address, checked for the shape SES accepts (one @, a domain with a dot). */
export const emailAddress = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .max(320, 'That email address is too long.')
  .regex(
    /^[^\s@"<>(),;:]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/,
    'Enter an email address such as you@example.com.',
  );

/** The sending user's policy options: restrict sending to one From address; allow self-rotation. */
export const policyInput = z
  .object({ fromAddress: emailAddress.optional(), selfRotation: z.boolean().optional() })
  .strict();

export const sendingUserInput = policyInput.extend({ region: regionCode }).strict();

export const ledgerRemoveInput = z
  .object({
    kind: z.string().regex(/^[a-z0-9-]{1,40}$/, 'That is not something the app created.'),
    id: z
      .string()
      .min(1, 'That is not something the app created.')
      .max(2048, 'That is not something the app created.'),
    region: regionCode.optional(),
  })
  .strict();

/** A custom MAIL FROM domain: a full subdomain (bounce.example.com) or one label (bounce) meaning bounce.<domain>. */
export const mailFromName = hostName(
  {
    missing: 'Enter a MAIL FROM subdomain, such as bounce.',
    shape: 'Enter a subdomain such as bounce or bounce.example.com.',
  },
  1,
);

const mailFromUnderDomain = (value: { domain: string; mailFrom?: string }, ctx: z.RefinementCtx) => {
  const m = value.mailFrom;
  if (m && m.includes('.') && !m.endsWith(`.${value.domain}`))
    ctx.addIssue({
      code: 'custom',
      path: ['mailFrom'],
      message: 'The MAIL FROM domain must be a subdomain of your domain, such as bounce.<your domain>.',
    });
};

/** The DNS screen's plan and check: a domain, optionally its region and MAIL FROM subdomain. */
export const dnsDomainInput = z
  .object({ domain: domainName, region: regionCode.optional(), mailFrom: mailFromName.optional() })
  .strict()
  .superRefine(mailFromUnderDomain);

export const dnsExportInput = z
  .object({
    domain: domainName,
    format: z.enum(['bind', 'csv'], { error: 'Choose BIND (zone file) or CSV.' }),
    region: regionCode.optional(),
    mailFrom: mailFromName.optional(),
  })
  .strict()
  .superRefine(mailFromUnderDomain);

// ---- Test sends and bounce notifications ----

/** A sender identity as SES names it: an email address or a domain. */
export const senderIdentity = z
  .string({ error: 'Choose a verified address or domain.' })
  .trim()
  .max(320, 'Choose a verified address or domain.')
  .refine(
    (v) => emailAddress.safeParse(v).success || domainName.safeParse(v).success,
    'Choose a verified address or domain.',
  );

export const testSendInput = z
  .object({
    via: z.enum(['api', 'smtp'], { error: 'Choose how to send: through the API or over SMTP.' }),
    from: emailAddress,
    to: emailAddress,
    subject: z
      .string({ error: 'The subject must be text.' })
      .trim()
      .min(1, 'Write a subject or leave it empty.')
      .max(200, 'Keep the subject under 200 characters.')
      .optional(),
    port: z.union([z.literal(587), z.literal(465)], { error: 'The SMTP port is 587 or 465.' }).optional(),
  })
  .strict();

export const verifyRecipientInput = z.object({ address: emailAddress }).strict();

export const notificationsStatusInput = z.object({ identity: senderIdentity }).strict();

export const notificationsSetupInput = z
  .object({ identity: senderIdentity, notifyAddress: emailAddress })
  .strict();

// ---- Leaving the sandbox: the production-access questionnaire ----

/** The longest use-case description AWS takes (PutAccountDetails, and the console form). */
export const USE_CASE_MAX = 5_000;

const answerText = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .max(max, `Keep ${what.toLowerCase()} under ${max} characters.`);

/** The person's website, as AWS wants it: a full http(s) address. */
export const websiteUrl = z
  .string({ error: 'Enter your website address.' })
  .trim()
  .max(300, 'That web address is too long.')
  .regex(
    /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?(\/\S*)?$/i,
    'Enter the full address, such as https://example.com.',
  );

export const OPT_IN_METHODS = ['double-opt-in', 'single-opt-in', 'account-or-order'] as const;
export const BOUNCE_HANDLING = ['sns-notifications', 'auto-suppress', 'watch-rates'] as const;
export const UNSUBSCRIBE_METHODS = ['list-unsubscribe', 'footer-link', 'preferences-page'] as const;

/**
 * The questionnaire as the person fills it in: every answer may still be empty (the draft grows as
 * they type). sandboxSubmitInput below requires what AWS requires.
 */
export const sandboxAnswers = z
  .object({
    business: answerText(800, 'What your business does').default(''),
    website: answerText(300, 'The website').default(''),
    mailType: z.enum(['TRANSACTIONAL', 'MARKETING'], { error: 'Choose transactional or marketing.' }),
    optIn: z.enum(OPT_IN_METHODS, { error: 'Choose how people agreed to get your mail.' }).optional(),
    optInDetail: answerText(600, 'How people signed up').default(''),
    listSize: z
      .number({ error: 'Enter a number.' })
      .int('Use a whole number.')
      .min(0, 'Use 0 or more.')
      .max(1e9, 'That is more than any list.')
      .optional(),
    frequency: answerText(300, 'How often you send').default(''),
    monthlyVolume: z
      .number({ error: 'Enter a number.' })
      .int('Use a whole number.')
      .min(0, 'Use 0 or more.')
      .max(1e10, 'That is more than SES sends.')
      .optional(),
    bounceHandling: z
      .array(z.enum(BOUNCE_HANDLING, { error: 'Choose from the list.' }))
      .max(3)
      .default([]),
    bounceDetail: answerText(600, 'How you handle bounces').default(''),
    unsubscribe: z
      .array(z.enum(UNSUBSCRIBE_METHODS, { error: 'Choose from the list.' }))
      .max(3)
      .default([]),
    contacts: z.array(emailAddress).max(4, 'AWS takes at most four contact addresses.').default([]),
    language: z.enum(['EN', 'JA'], { error: 'Choose English or Japanese.' }).default('EN'),
  })
  .strict();
export type SandboxAnswers = z.input<typeof sandboxAnswers>;

export const sandboxDraftInput = z.object({ answers: sandboxAnswers }).strict();

/** "Submit for me": what PutAccountDetails requires, and an explicit click. */
export const sandboxSubmitInput = z
  .object({
    region: regionCode.optional(),
    answers: sandboxAnswers.superRefine((a, ctx) => {
      if (!websiteUrl.safeParse(a.website).success)
        ctx.addIssue({
          code: 'custom',
          path: ['website'],
          message: 'Enter the full address, such as https://example.com.',
        });
      if (a.business.length < 20)
        ctx.addIssue({
          code: 'custom',
          path: ['business'],
          message: 'Say in a sentence or two what your business does.',
        });
      if (a.contacts.length < 1)
        ctx.addIssue({
          code: 'custom',
          path: ['contacts'],
          message: 'Give at least one address AWS may write to.',
        });
    }),
    confirm: z.literal(true, { error: 'Sending the request needs an explicit click.' }),
  })
  .strict();

export const sandboxStatusInput = z.object({ region: regionCode.optional() }).strict();

export const sandboxReadinessInput = z
  .object({ domain: domainName, region: regionCode.optional(), website: z.string().max(300).optional() })
  .strict();

// ---- Region and sender identities ----

export const regionsChooseInput = z
  .object({
    region: regionCode,
    /** Needed to change a region chosen before: identities, sandbox status and SMTP passwords do not move. */
    confirmChange: z.literal(true, { error: 'Confirm the change of region.' }).optional(),
  })
  .strict();

/** A domain to verify, and optionally its MAIL FROM subdomain (bounce by default). */
export const verifyDomainInput = z
  .object({ domain: domainName, mailFromSubdomain: mailFromName.optional() })
  .strict()
  .superRefine((value, ctx) => {
    const m = value.mailFromSubdomain;
    if (m && m.includes('.') && !m.endsWith(`.${value.domain}`))
      ctx.addIssue({
        code: 'custom',
        path: ['mailFromSubdomain'],
        message: 'The MAIL FROM domain must be a subdomain of your domain, such as bounce.<your domain>.',
      });
  });

export const verifyEmailInput = z.object({ address: emailAddress }).strict();

export const identityStatusInput = z.object({ identity: senderIdentity }).strict();

export const route53DomainInput = z.object({ domain: domainName }).strict();

/** The fingerprint of the preview a person confirmed: a write does only what it showed. */
export const previewDigestInput = z
  .string({ error: 'Show the records to write first, then confirm them.' })
  .regex(/^[0-9a-f]{64}$/, 'Show the records to write first, then confirm them.');

export const route53PublishInput = z
  .object({
    domain: domainName,
    confirm: z.literal(true, { error: 'Writing DNS records needs an explicit click.' }),
    digest: previewDigestInput,
  })
  .strict();
