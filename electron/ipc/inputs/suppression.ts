/**
 * Input rules of the suppression list and the reputation alarms, shared by the router and the
 * renderer's forms (zod only). Messages never repeat the value they reject.
 */
import { z } from 'zod';
import { emailAddress } from '../schemas';

export const suppressionReason = z.enum(['BOUNCE', 'COMPLAINT'], {
  error: 'Choose bounce or complaint.',
});

export const suppressionListInput = z
  .object({
    /** Only these reasons; all when missing or empty. */
    reasons: z.array(suppressionReason).max(2, 'Choose bounce, complaint or both.').optional(),
    /** Where the next page starts, as SES gave it. */
    nextToken: z
      .string({ error: 'That page cannot be shown.' })
      .min(1, 'That page cannot be shown.')
      .max(4096, 'That page cannot be shown.')
      .optional(),
    /** An address or part of one. */
    query: z
      .string({ error: 'Type an address or part of one.' })
      .trim()
      .max(320, 'That is longer than any email address.')
      .optional(),
  })
  .strict();

export const suppressionAddressInput = z.object({ address: emailAddress }).strict();

export const suppressionAddInput = z.object({ address: emailAddress, reason: suppressionReason }).strict();

export const suppressionRemoveInput = z
  .object({
    address: emailAddress,
    confirm: z.literal(true, { error: 'Removing an address needs an explicit confirmation.' }),
  })
  .strict();

export const alarmsCreateInput = z.object({ notifyAddress: emailAddress }).strict();
