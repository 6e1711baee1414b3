/**
 * The account-level suppression list and the reputation alarms (issue #16).
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
export const suppressionContract = {} as const;
