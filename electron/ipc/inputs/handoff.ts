/**
 * Input rules of the DNS hand-off, shared by the router and the renderer (zod only). Messages never
 * repeat the value they reject.
 */
import { z } from 'zod';
import { dnsDomainInput, domainName } from '../schemas';

/** The message for a domain: in the chosen region and MAIL FROM, as on the DNS screen. */
export const handoffPrepareInput = dnsDomainInput;

export const handoffDomainInput = z.object({ domain: domainName }).strict();

export const handoffSaveInput = z
  .object({
    domain: domainName,
    format: z.enum(['text', 'html'], { error: 'Choose a text file or a web page.' }),
  })
  .strict();
