/**
 * Bounce and complaint events read from an SQS queue the app sets up, kept locally and shown on the feedback screen (issue #16).
 * Its part of the IPC contract: each channel's input schema and output type. Merged in ../contract.ts.
 */
export const feedbackContract = {} as const;
