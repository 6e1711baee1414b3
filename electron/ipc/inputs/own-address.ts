/** Input rules of the test to the person's own address, shared by the router and the renderer (zod only). */
import { z } from 'zod';
import { emailAddress } from '../schemas';

export const ownAddressInput = z.object({ address: emailAddress }).strict();
