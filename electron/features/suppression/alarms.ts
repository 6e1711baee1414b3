/**
 * Reputation alarms: two CloudWatch alarms on SES's account-level metrics (AWS/SES
 * Reputation.BounceRate and Reputation.ComplaintRate) that email the person through an SNS topic
 * when a rate reaches the warning line, before AWS reviews or pauses the account. Made with the
 * admin session; read back with whichever keys are at hand.
 *
 * What must stay true: an alarm only exists pointing at the topic made with it, and the ledger
 * removes alarms before that topic (SUPPRESSION_REMOVERS.first).
 */
import type { PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import type { AwsClients } from '../../core/aws-clients';
import { REPUTATION, percent, type RateKind } from '../../core/facts/reputation';
import type { AlarmState, AlarmView, AlarmsView } from './types';

export const ALARM_TOPIC_NAME = 'ses-assistant-reputation-alarms';
export const ALARM_KINDS: readonly RateKind[] = ['bounce', 'complaint'];

/**
 * Every alarm the assistant makes is named with this prefix: the sending user's policy lets the key
 * read alarms of these names only (sending-user/policy.ts, alarmResource).
 */
export const ALARM_NAME_PREFIX = 'ses-assistant-';

export function alarmName(kind: RateKind): string {
  return `${ALARM_NAME_PREFIX}${kind}-rate`;
}

export function kindOfAlarm(name: string): RateKind | null {
  return ALARM_KINDS.find((k) => alarmName(k) === name) ?? null;
}

/** The PutMetricAlarm request for one rate: pure, so the thresholds are checked by a unit test. */
export function alarmRequest(kind: RateKind, topicArn: string): PutMetricAlarmCommandInput {
  const fact = REPUTATION[kind];
  const words = kind === 'bounce' ? 'bounce' : 'complaint';
  return {
    AlarmName: alarmName(kind),
    AlarmDescription: `Made by SES Setup Assistant: your SES ${words} rate reached ${percent(fact.warnAt)}. AWS reviews accounts at ${percent(fact.reviewAt)} and may pause sending at ${percent(fact.pauseAt)}.`,
    Namespace: REPUTATION.namespace,
    MetricName: fact.metric,
    Statistic: 'Average',
    Period: REPUTATION.periodSeconds,
    EvaluationPeriods: REPUTATION.evaluationPeriods,
    Threshold: fact.warnAt,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    // No mail sent means no rate: that is not a problem to be warned about.
    TreatMissingData: 'notBreaching',
    ActionsEnabled: true,
    AlarmActions: [topicArn],
    Tags: [{ Key: 'created-by', Value: 'ses-setup-assistant' }],
  };
}

export function reputationLines(): AlarmsView['lines'] {
  return ALARM_KINDS.map((kind) => ({
    kind,
    adviseBelow: percent(REPUTATION[kind].adviseBelow),
    warnAt: percent(REPUTATION[kind].warnAt),
    reviewAt: percent(REPUTATION[kind].reviewAt),
    pauseAt: percent(REPUTATION[kind].pauseAt),
  }));
}

export interface AlarmsSetUp {
  topicArn: string;
  subscriptionArn: string;
  alarmNames: string[];
}

/**
 * Creates (or finds: CreateTopic and PutMetricAlarm are idempotent by name) the topic, subscribes
 * the address, and puts both alarms. The topic comes first so an alarm never points at nothing.
 */
export async function setUpAlarms(admin: AwsClients, notifyAddress: string): Promise<AlarmsSetUp> {
  const sns = await admin.sns();
  const snsSdk = await import('@aws-sdk/client-sns');
  const topic = await sns.send(
    new snsSdk.CreateTopicCommand({
      Name: ALARM_TOPIC_NAME,
      Tags: [{ Key: 'created-by', Value: 'ses-setup-assistant' }],
    }),
  );
  const topicArn = topic.TopicArn ?? '';
  const sub = await sns.send(
    new snsSdk.SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'email',
      Endpoint: notifyAddress,
      ReturnSubscriptionArn: true,
    }),
  );
  const cw = await admin.cloudwatch();
  const cwSdk = await import('@aws-sdk/client-cloudwatch');
  const alarmNames: string[] = [];
  for (const kind of ALARM_KINDS) {
    await cw.send(new cwSdk.PutMetricAlarmCommand(alarmRequest(kind, topicArn)));
    alarmNames.push(alarmName(kind));
  }
  return { topicArn, subscriptionArn: sub.SubscriptionArn ?? '', alarmNames };
}

function stateOf(value: string | undefined): AlarmState {
  return value === 'ALARM' || value === 'OK' ? value : 'INSUFFICIENT_DATA';
}

/** The named alarms as CloudWatch reports them now; a name CloudWatch does not know is left out. */
export async function describeAlarms(clients: AwsClients, names: readonly string[]): Promise<AlarmView[]> {
  if (names.length === 0) return [];
  const cw = await clients.cloudwatch();
  const { DescribeAlarmsCommand } = await import('@aws-sdk/client-cloudwatch');
  const views: AlarmView[] = [];
  let token: string | undefined;
  do {
    const out = await cw.send(
      new DescribeAlarmsCommand({ AlarmNames: [...names], AlarmTypes: ['MetricAlarm'], NextToken: token }),
    );
    for (const a of out.MetricAlarms ?? []) {
      const kind = a.AlarmName ? kindOfAlarm(a.AlarmName) : null;
      if (!kind || !a.AlarmName) continue;
      views.push({
        name: a.AlarmName,
        kind,
        metric: a.MetricName ?? REPUTATION[kind].metric,
        threshold: a.Threshold ?? REPUTATION[kind].warnAt,
        thresholdWords: percent(a.Threshold ?? REPUTATION[kind].warnAt),
        state: stateOf(a.StateValue),
        stateReason: a.StateReason ?? null,
        since: a.StateUpdatedTimestamp ? a.StateUpdatedTimestamp.toISOString() : null,
      });
    }
    token = out.NextToken;
  } while (token);
  return views.sort((x, y) => ALARM_KINDS.indexOf(x.kind) - ALARM_KINDS.indexOf(y.kind));
}

/** The ledger's remover for one alarm: one already gone (ResourceNotFound) counts as removed. */
export async function deleteAlarm(admin: AwsClients, name: string): Promise<void> {
  const cw = await admin.cloudwatch();
  const { DeleteAlarmsCommand } = await import('@aws-sdk/client-cloudwatch');
  await cw.send(new DeleteAlarmsCommand({ AlarmNames: [name] })).catch((err: unknown) => {
    if (!/NotFound/.test((err as { name?: string }).name ?? '')) throw err;
  });
}
