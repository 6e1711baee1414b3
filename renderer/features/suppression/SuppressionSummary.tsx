import { useEffect, useState } from 'react';
import type { AssistantError, OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { reasonList } from './words';
import './suppression.css';

type Part<T> = { ok: true; value: T } | { ok: false; error: AssistantError } | null;

/**
 * Two lines for the dashboard card: whether SES suppresses bounces and complaints, and whether the
 * alarms are set and quiet. Each line fails on its own, in a few words.
 */
export function SuppressionSummary() {
  const [settings, setSettings] = useState<Part<OutputOf<'suppression.settings'>>>(null);
  const [alarms, setAlarms] = useState<Part<OutputOf<'suppression.alarms'>>>(null);

  useEffect(() => {
    let live = true;
    void invoke('suppression.settings', {}).then((r) => live && setSettings(r));
    void invoke('suppression.alarms', {}).then((r) => live && setAlarms(r));
    return () => {
      live = false;
    };
  }, []);

  return (
    <ul className="suppression-summary">
      <li>
        <span className="summary-label">Suppression list: </span>
        {settings === null
          ? 'checking…'
          : !settings.ok
            ? `could not be read (${settings.error.title.toLowerCase()})`
            : settings.value.allOn
              ? 'on for bounces and complaints'
              : settings.value.suppressedReasons.length
                ? `on for ${reasonList(settings.value.suppressedReasons)} only: turn it on for ${reasonList(settings.value.missing)}`
                : 'off: turn it on so SES stops mailing dead addresses'}
      </li>
      <li>
        <span className="summary-label">Alarms on the rates: </span>
        {alarms === null
          ? 'checking…'
          : !alarms.ok
            ? `could not be read (${alarms.error.title.toLowerCase()})`
            : alarms.value.alarms.length === 0
              ? 'not set up'
              : alarms.value.alarms.some((a) => a.state === 'ALARM')
                ? `${alarms.value.alarms
                    .filter((a) => a.state === 'ALARM')
                    .map((a) => (a.kind === 'bounce' ? 'bounce' : 'complaint'))
                    .join(' and ')} rate too high`
                : 'set up, nothing too high'}
      </li>
    </ul>
  );
}
