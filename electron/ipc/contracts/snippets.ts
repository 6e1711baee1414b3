/**
 * Code snippets for the person's own server (issue #12).
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
export const snippetsContract = {} as const;
