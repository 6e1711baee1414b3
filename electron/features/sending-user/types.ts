/** The sending user's two policies, for the guided console path. */
export interface PolicyView {
  userName: string;
  policyName: string;
  json: string;
  /** The setup policy: attached too, and detached by the assistant once setup is done. */
  setupPolicyName: string;
  setupJson: string;
  /** What the key may do with the sending policy alone, in words to follow "it may". */
  keyMay: string;
}
