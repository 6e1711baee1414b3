/** Input rules of admin access's own channels (zod only), shared by the router and the renderer. */
import { z } from 'zod';

/** Deleting the admin key cannot be undone: the input is the person's explicit confirmation. */
export const adminDeleteKeyInput = z
  .object({
    confirm: z.literal(true, { error: 'Deleting the admin key needs an explicit confirmation.' }),
  })
  .strict();
