/**
 * How the catalogue reads whatever was thrown: the fields the AWS SDK (name, Code, $metadata),
 * Node's sockets (code, cause) and nodemailer put on their errors. No errors are explained here.
 */

export interface ErrorShape {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

export function shapeOf(err: unknown): ErrorShape {
  return typeof err === 'object' && err !== null ? (err as ErrorShape) : {};
}

/** Every name the SDK may give one SES error: the wire code, or the modelled class name. */
export const named = (name: string, ...names: string[]) =>
  names.some((n) => name === n || name === `${n}Exception`);
