/** One channel of the contract: the zod schema of its input and, as a type only, its output. */
import type { z } from 'zod';

export interface Channel<I extends z.ZodType, O> {
  input: I;
  /** Phantom: only the type is used (wrapped so that null and undefined outputs survive). */
  output?: [O];
}

export function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
}
