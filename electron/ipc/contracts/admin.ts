/**
 * Admin access: more channels beside admin.open/status/forget in contract.ts (issue #13).
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
export const adminContract = {} as const;
