import { describe, expect, it } from 'vitest';
import { REPUTATION, percent } from '../../../electron/core/facts/reputation';
import {
  alarmName,
  alarmRequest,
  kindOfAlarm,
  reputationLines,
} from '../../../electron/features/suppression/alarms';
import { alarmNotification, newlyInAlarm } from '../../../electron/features/suppression/check';
import type { AlarmView } from '../../../electron/features/suppression/types';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ses-assistant-reputation-alarms';

const alarm = (kind: 'bounce' | 'complaint'): AlarmView => ({
  name: alarmName(kind),
  kind,
  metric: REPUTATION[kind].metric,
  threshold: REPUTATION[kind].warnAt,
  thresholdWords: percent(REPUTATION[kind].warnAt),
  state: 'ALARM',
  stateReason: null,
  since: null,
});

describe('reputation thresholds', () => {
  it('warns below the line where AWS reviews, which is below the line where it pauses', () => {
    for (const kind of ['bounce', 'complaint'] as const) {
      const f = REPUTATION[kind];
      expect(f.warnAt).toBeLessThan(f.reviewAt);
      expect(f.reviewAt).toBeLessThan(f.pauseAt);
    }
    expect(REPUTATION.bounce).toMatchObject({ warnAt: 0.04, reviewAt: 0.05, pauseAt: 0.1 });
    expect(REPUTATION.complaint).toMatchObject({ warnAt: 0.0008, reviewAt: 0.001, pauseAt: 0.005 });
  });

  it('writes rates as people read them', () => {
    expect(percent(0.04)).toBe('4 %');
    expect(percent(0.0008)).toBe('0.08 %');
    expect(percent(0.005)).toBe('0.5 %');
    expect(reputationLines()).toEqual([
      { kind: 'bounce', adviseBelow: '2 %', warnAt: '4 %', reviewAt: '5 %', pauseAt: '10 %' },
      { kind: 'complaint', adviseBelow: '0.1 %', warnAt: '0.08 %', reviewAt: '0.1 %', pauseAt: '0.5 %' },
    ]);
  });
});

describe('the alarm requests', () => {
  it('watches SES’s bounce rate at 4 % and emails the topic', () => {
    expect(alarmRequest('bounce', TOPIC)).toMatchObject({
      AlarmName: 'ses-assistant-bounce-rate',
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Threshold: 0.04,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [TOPIC],
    });
  });

  it('watches the complaint rate at 0.08 %', () => {
    expect(alarmRequest('complaint', TOPIC)).toMatchObject({
      MetricName: 'Reputation.ComplaintRate',
      Threshold: 0.0008,
    });
    expect(alarmRequest('complaint', TOPIC).AlarmDescription).toMatch(/0\.1 %.*0\.5 %/);
  });

  it('knows its own alarms by name, and no others', () => {
    expect(kindOfAlarm('ses-assistant-complaint-rate')).toBe('complaint');
    expect(kindOfAlarm('someone-elses-alarm')).toBeNull();
  });
});

describe('the tray notice', () => {
  it('tells of alarms that were not in ALARM at the last check, once', () => {
    const now = [{ region: 'us-east-1', alarm: alarm('bounce') }];
    expect(newlyInAlarm(now, [])).toEqual([alarm('bounce')]);
    expect(newlyInAlarm(now, ['us-east-1/ses-assistant-bounce-rate'])).toEqual([]);
    // The same alarm in another region is another alarm.
    expect(newlyInAlarm(now, ['eu-west-1/ses-assistant-bounce-rate'])).toHaveLength(1);
  });

  it('words one alarm, both, and nothing new', () => {
    expect(alarmNotification([alarm('bounce')])).toEqual({
      title: 'Your SES bounce rate is too high',
      body: expect.stringMatching(/^Bounces reached 4 %\./),
      openStep: 'feedback',
    });
    expect(alarmNotification([alarm('bounce'), alarm('complaint')])!.title).toBe(
      'Your SES bounce and complaint rates are too high',
    );
    expect(alarmNotification([])).toBeNull();
  });
});
