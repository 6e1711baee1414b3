/**
 * The command a person with only the root user pastes into AWS CloudShell (already signed in, in
 * their browser): it creates the sending user, its policy and a key, and prints the key to paste
 * back into the assistant. No admin key ever leaves AWS.
 */
import { SCRIPT_ACCOUNT, type PolicyDocument } from './policy';

/** Single-quotes a value for bash. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function cloudShellScript(input: {
  userName: string;
  /** Each policy is created (or given a new default version) and attached to the user. */
  policies: { name: string; document: PolicyDocument }[];
}): string {
  const user = shellQuote(input.userName);
  const policyLines = input.policies.flatMap((policy) => [
    `POLICY_ARN="arn:aws:iam::\${ACCOUNT}:policy/"${shellQuote(policy.name)}`,
    // The account the command runs in goes where the policy says SCRIPT_ACCOUNT (out of the quotes).
    `printf '%s' ${shellQuote(JSON.stringify(policy.document)).split(SCRIPT_ACCOUNT).join(`'"$ACCOUNT"'`)} > "$POLICY_FILE"`,
    'if aws iam get-policy --policy-arn "$POLICY_ARN" >/dev/null 2>&1; then',
    '  aws iam create-policy-version --policy-arn "$POLICY_ARN" --policy-document "file://$POLICY_FILE" --set-as-default >/dev/null',
    'else',
    `  aws iam create-policy --policy-name ${shellQuote(policy.name)} --policy-document "file://$POLICY_FILE" >/dev/null`,
    'fi',
    'aws iam attach-user-policy --user-name "$USER_NAME" --policy-arn "$POLICY_ARN"',
  ]);
  return [
    '# Creates the SES sending user, its policies and an access key. Paste into AWS CloudShell.',
    'set -euo pipefail',
    `USER_NAME=${user}`,
    'ACCOUNT=$(aws sts get-caller-identity --query Account --output text)',
    'POLICY_FILE=$(mktemp)',
    'aws iam get-user --user-name "$USER_NAME" >/dev/null 2>&1 || aws iam create-user --user-name "$USER_NAME" --tags Key=created-by,Value=ses-setup-assistant >/dev/null',
    ...policyLines,
    'echo "Copy these two lines into the SES Setup Assistant:"',
    'aws iam create-access-key --user-name "$USER_NAME" --query "AccessKey.[AccessKeyId,SecretAccessKey]" --output text | tr "\\t" "\\n"',
    'rm -f "$POLICY_FILE"',
  ].join('\n');
}
