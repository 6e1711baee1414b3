/**
 * "Send these records to whoever manages your DNS" (issue #15), for a domain whose DNS the assistant
 * cannot write. Being built.
 */
export function HandOffPanel(_props: { domain: string }) {
  return null;
}
