/**
 * Writing the DNS records at Cloudflare with a token the person makes for this one zone (issue #15).
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
export const cloudflareContract = {} as const;
