/**
 * The sending policy as earlier versions of the assistant wrote it, for the tests of what the
 * assistant does with a policy it finds in IAM.
 */
import type { PolicyDocument, PolicyStatement } from '../../electron/features/sending-user/policy';

/** Before the alarm reads were scoped: the suppression list and every alarm, one statement on "*". */
const FEEDBACK_READS_ON_ANYTHING: PolicyStatement = {
  Sid: 'ReadSuppressionAndAlarms',
  Effect: 'Allow',
  Action: ['ses:ListSuppressedDestinations', 'ses:GetSuppressedDestination', 'cloudwatch:DescribeAlarms'],
  Resource: '*',
};

/** The same policy with its suppression-list and alarm reads as they were written before the scope. */
export function asBeforeTheAlarmScope(document: PolicyDocument): PolicyDocument {
  const reads = (s: PolicyStatement) =>
    s.Action.some((a) => ['ses:ListSuppressedDestinations', 'cloudwatch:DescribeAlarms'].includes(a));
  const at = document.Statement.findIndex(reads);
  const rest = document.Statement.filter((s) => !reads(s));
  const old = { ...FEEDBACK_READS_ON_ANYTHING, Action: [...FEEDBACK_READS_ON_ANYTHING.Action] };
  return { ...document, Statement: [...rest.slice(0, at), old, ...rest.slice(at)] };
}
