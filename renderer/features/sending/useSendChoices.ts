import { useEffect, useState, type Dispatch } from 'react';
import type { AssistantError } from '../../../electron/ipc/contract';
import { invoke } from '../../app/api';
import { OTHER, type FormAction, type Sender, type Simulator } from './send-form';

interface Choices {
  /** null until AWS has answered. */
  senders: Sender[] | null;
  simulator: Simulator[];
  loadError: AssistantError | null;
}

/**
 * The senders and simulator addresses to choose from, asked for once. As they arrive the form gets
 * its first choices: the first simulator address and the first verified sender (or "another address").
 */
export function useSendChoices(dispatch: Dispatch<FormAction>): Choices {
  const [choices, setChoices] = useState<Choices>({ senders: null, simulator: [], loadError: null });
  useEffect(() => {
    void invoke('send.simulatorAddresses', {}).then((r) => {
      if (!r.ok) return;
      setChoices((c) => ({ ...c, simulator: r.value }));
      dispatch({ type: 'defaultRecipient', address: r.value[0]?.address || '' });
    });
    void invoke('send.senders', {}).then((r) => {
      if (!r.ok) {
        setChoices((c) => ({ ...c, loadError: r.error, senders: [] }));
        return;
      }
      setChoices((c) => ({ ...c, senders: r.value }));
      const first = r.value.find((s) => s.verified);
      dispatch({ type: 'defaultSender', identity: first ? first.identity : OTHER });
    });
  }, [dispatch]);
  return choices;
}
