/**
 * Input rules of the Cloudflare panel, shared by the router and the renderer's form (zod only).
 * Messages never repeat the value they reject: a token is a secret.
 */
import { z } from 'zod';
import { domainName, mailFromName, previewDigestInput } from '../schemas';

/**
 * A Cloudflare API token as the dashboard shows it: one line of letters, digits, "-" and "_" (40
 * characters today; a little room either way for formats to come). Spaces around a paste are dropped.
 */
export const cloudflareToken = z
  .string({ error: 'Paste the token Cloudflare showed you.' })
  .trim()
  .min(1, 'Paste the token Cloudflare showed you.')
  .min(30, 'That is shorter than a Cloudflare token: copy the whole line Cloudflare shows.')
  .max(200, 'That is longer than a Cloudflare token: copy only the token itself.')
  .regex(
    /^[A-Za-z0-9_\-.]+$/,
    'A Cloudflare token is one line of letters, digits, “-” and “_”: copy only the token itself.',
  );

export const spfChoice = z.enum(['keep', 'merge'], { error: 'Choose whether to change your SPF record.' });

/** A MAIL FROM name given in full must sit under the domain (as the DNS screen's own rule says). */
const mailFromUnderDomain = (value: { domain: string; mailFrom?: string }, ctx: z.RefinementCtx) => {
  const m = value.mailFrom;
  if (m && m.includes('.') && !m.endsWith(`.${value.domain}`))
    ctx.addIssue({
      code: 'custom',
      path: ['mailFrom'],
      message: 'The MAIL FROM domain must be a subdomain of your domain, such as bounce.<your domain>.',
    });
};

export const cloudflareDomainInput = z.object({ domain: domainName }).strict();

export const cloudflareConnectInput = z
  .object({
    domain: domainName,
    token: cloudflareToken,
    /**
     * The other domains the token may change, as the refusal named them and the person confirmed:
     * a token that reaches others is kept only when this names exactly those.
     */
    allowOtherZones: z
      .array(z.string().trim().toLowerCase().min(1).max(253), { error: 'Confirm the domains by name.' })
      .max(5000)
      .optional(),
  })
  .strict();

export const cloudflarePreviewInput = z
  .object({ domain: domainName, spf: spfChoice.default('keep'), mailFrom: mailFromName.optional() })
  .strict()
  .superRefine(mailFromUnderDomain);

export const cloudflareWriteInput = z
  .object({
    domain: domainName,
    confirm: z.literal(true, { error: 'Writing DNS records needs your confirmation.' }),
    spf: spfChoice.default('keep'),
    /** Agreed to switch proxied records the DKIM check needs to "DNS only". */
    unproxy: z.boolean().default(false),
    mailFrom: mailFromName.optional(),
    /** The fingerprint of the preview the person confirmed: only what it showed is written. */
    digest: previewDigestInput,
  })
  .strict()
  .superRefine(mailFromUnderDomain);
