/**
 * The hand-off message for whoever runs the DNS elsewhere, and the watch that tells when every record is in place (issue #15).
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
export const handoffContract = {} as const;
