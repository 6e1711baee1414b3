/** The sending user's policy, for the guided console path. */
export interface PolicyView {
  userName: string;
  policyName: string;
  json: string;
}
