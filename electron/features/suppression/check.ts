/**
 * The background check of the reputation alarms, for the tray: which of the assistant's alarms are
 * in ALARM now, and which became so since the last check (so the person is told once, not every
 * poll). It uses the sending user's key only: admin credentials are never used from a timer.
 */
import type { ServiceContext } from '../../core/context';
import { accountOfEntry, currentAccountId } from '../../core/ledger';
import { AssistantFailure } from '../../core/errors';
import { describeAlarms } from './alarms';
import { readError } from './errors';
import { suppressionState } from './state';
import type { AlarmCheck, AlarmView } from './types';

export const ALARM_KIND = 'cloudwatch-alarm';

const key = (region: string, name: string) => `${region}/${name}`;

/** The tray notification for alarms that just fired, or null when nothing is new. Pure. */
export function alarmNotification(newly: readonly AlarmView[]): AlarmCheck['notification'] {
  if (newly.length === 0) return null;
  const words = newly.map((a) => (a.kind === 'bounce' ? 'bounce' : 'complaint'));
  const which = words.length > 1 ? 'bounce and complaint rates' : `${words[0]} rate`;
  return {
    title: `Your SES ${which} ${newly.length > 1 ? 'are' : 'is'} too high`,
    body: `${newly.map((a) => `${a.kind === 'bounce' ? 'Bounces' : 'Complaints'} reached ${a.thresholdWords}`).join('; ')}. AWS reviews accounts a little above this: open the assistant to see which addresses to stop mailing.`,
    openStep: 'feedback',
  };
}

/** Which alarms are new in ALARM, given the previous "region/name" keys. Pure. */
export function newlyInAlarm(
  alarming: readonly { region: string; alarm: AlarmView }[],
  before: readonly string[],
): AlarmView[] {
  const seen = new Set(before);
  return alarming.filter((a) => !seen.has(key(a.region, a.alarm.name))).map((a) => a.alarm);
}

/**
 * Throws an AssistantFailure (e.g. SUPPRESSION_READ_NEEDS_ADMIN when the sending user's policy lacks
 * cloudwatch:DescribeAlarms, a network error when offline); the state is then left as it was, so
 * nothing is missed once the check works again.
 */
export async function checkAlarms(ctx: ServiceContext): Promise<AlarmCheck> {
  const account = currentAccountId(ctx);
  // The alarms recorded in the ledger for the connection's account, by region.
  const byRegion = new Map<string, string[]>();
  for (const entry of ctx.settings.get().ledger) {
    if (entry.kind !== ALARM_KIND) continue;
    if (account && accountOfEntry(ctx, entry) !== account) continue;
    const region = entry.region ?? ctx.settings.get().region;
    byRegion.set(region, [...(byRegion.get(region) ?? []), entry.id]);
  }
  const alarming: { region: string; alarm: AlarmView }[] = [];
  for (const [region, names] of byRegion) {
    const views = await describeAlarms(await ctx.clientsFor(undefined, region), names).catch(
      (err: unknown) => {
        throw new AssistantFailure(readError(err, region, 'sending-user', 'reading the reputation alarms'));
      },
    );
    for (const alarm of views) if (alarm.state === 'ALARM') alarming.push({ region, alarm });
  }
  const state = suppressionState(ctx.settings);
  const newly = newlyInAlarm(alarming, state.get().inAlarm);
  await state.update((s) => ({
    ...s,
    inAlarm: alarming.map((a) => key(a.region, a.alarm.name)),
    checkedAt: ctx.clock().toISOString(),
  }));
  return {
    alarming: alarming.map((a) => a.alarm),
    newlyAlarming: newly,
    notification: alarmNotification(newly),
  };
}
