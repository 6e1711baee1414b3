import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { useAssistant } from '../../app/store';

type Status = OutputOf<'feedback.status'>;

/**
 * One line about bounces and complaints, and the way to the one screen that handles them. Setting
 * them up needs admin access and is not needed for a test, so none of it happens here.
 */
export function BouncesLine() {
  const goTo = useAssistant((s) => s.goTo);
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('feedback.status', {}).then((r) => live && r.ok && setStatus(r.value));
    return () => {
      live = false;
    };
  }, []);
  const words = status?.setup
    ? `Bounces and complaints of ${status.setup.identities.join(', ')} are collected by the assistant.`
    : 'Once you send real mail, set up Bounces and complaints, so you hear which addresses to stop mailing.';
  return (
    <p className="bounces-line">
      {words}{' '}
      <button type="button" className="link" onClick={() => void goTo('feedback')}>
        Open Bounces and complaints
      </button>
    </p>
  );
}
