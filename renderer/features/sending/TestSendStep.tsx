import { useCallback, useReducer, type FormEvent } from 'react';
import { invoke } from '../../app/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StepHeading } from '../../components/StepHeading';
import { useAssistant } from '../../app/store';
import { SendOutcome } from './SendOutcome';
import { TestSendForm } from './TestSendForm';
import { useDraft } from '../../app/useDraft';
import {
  EMPTY_FORM,
  NO_SEND,
  addressesOf,
  choicesOf,
  formReducer,
  sendReducer,
  type FormChange,
  type SendChoices,
} from './send-form';
import { useSendChoices } from './useSendChoices';
import { BouncesLine } from './BouncesLine';
import { OwnAddressTest } from './OwnAddressTest';
import { useOwnAddressTest } from './useOwnAddressTest';

/**
 * Send one message and see it go: from a verified sender, over the API or SMTP, to a verified
 * address or an address of the SES mailbox simulator. Then what it proved, or the failure explained
 * with its fix; after the simulator, the offer to send one to the person's own address. Bounces and
 * complaints are one line and a link to their own screen.
 */
export function TestSendStep() {
  const { app, goTo } = useAssistant();
  // The app renders a step only once its state is loaded, so the region is always known here.
  const region = app?.region ?? '';
  const [form, dispatch] = useReducer(formReducer, EMPTY_FORM);
  const { senders, simulator, loadError } = useSendChoices(dispatch);
  const [sent, dispatchSent] = useReducer(sendReducer, NO_SEND);
  const edit = useCallback((change: FormChange) => dispatch({ type: 'edit', change }), []);
  // What the person chose and typed is kept across restarts (it holds no secret).
  const restore = useCallback((choices: SendChoices) => dispatch({ type: 'restore', choices }), []);
  useDraft('testSend', choicesOf(form), restore);

  const addresses = addressesOf(form, senders);
  const { from, recipient, ready } = addresses;

  async function send(event?: FormEvent) {
    event?.preventDefault();
    dispatch({ type: 'touched' });
    if (!ready || sent.busy) return;
    // A new test starts over: the offer to send to one's own address follows its outcome.
    own.cancel();
    dispatchSent({ type: 'sending', attempt: { from, to: recipient } });
    const r = await invoke('send.test', {
      via: form.via,
      from,
      to: recipient,
      ...(form.subject.trim() ? { subject: form.subject.trim() } : {}),
      ...(form.via === 'smtp' ? { port: form.port } : {}),
    });
    if (r.ok) dispatchSent({ type: 'sent', result: r.value });
    else dispatchSent({ type: 'failed', error: r.error });
  }

  // The test to one's own address goes the way the simulator test went, from the same sender.
  const sendTo = useCallback(
    (to: string) =>
      invoke('send.test', {
        via: form.via,
        from,
        to,
        ...(form.subject.trim() ? { subject: form.subject.trim() } : {}),
        ...(form.via === 'smtp' ? { port: form.port } : {}),
      }),
    [form.via, form.port, form.subject, from],
  );
  const own = useOwnAddressTest(sendTo);
  const offerOwn = Boolean(sent.result?.simulatorOutcome) || own.state.phase !== 'idle';

  // One main action: send, unless a shown fix (or "send again") leads, or the send worked and going on is next.
  const fixLeads =
    sent.error?.code === 'RECIPIENT_NOT_VERIFIED' ||
    (sent.error?.code === 'SENDER_NOT_VERIFIED' && Boolean(sent.attempt.from)) ||
    sent.error?.code === 'SMTP_AUTH' ||
    Boolean(sent.verified && !sent.error && !sent.result);
  const sendLeads = !sent.result && !fixLeads;
  // After the simulator, the test to one's own address leads until it is under way.
  const ownLeads = offerOwn && (own.state.phase === 'idle' || own.state.phase === 'failed');
  const ownExpired = own.state.phase === 'waiting' && own.state.expired;

  return (
    <section className="step">
      <StepHeading
        title="Send a test message"
        why="A test proves the whole path works: your sender is verified, your key may send, and mail leaves the way your apps will send it."
      />
      {loadError && <ErrorPanel error={loadError} />}
      <TestSendForm
        form={form}
        edit={edit}
        senders={senders}
        simulator={simulator}
        addresses={addresses}
        region={region}
        busy={sent.busy}
        primary={sendLeads}
        onSend={send}
      />

      <SendOutcome
        sent={sent}
        simulator={simulator}
        onSendAgain={() => void send()}
        onVerified={(address) => dispatchSent({ type: 'verified', address })}
        onOtherKeys={() => void goTo('connect')}
      />

      {offerOwn && (
        <OwnAddressTest
          address={form.ownAddress ?? ''}
          onAddress={(ownAddress) => edit({ ownAddress })}
          test={own.state}
          onStart={(address) => void own.start(address)}
          onCancel={own.cancel}
          primary={ownLeads}
        />
      )}

      <BouncesLine />

      <p className="muted">
        {sent.result
          ? 'Next: your sending works. To send to anyone, ask AWS to take your account out of the sandbox.'
          : 'Next: send a test above. To send to anyone, not only verified addresses, ask AWS to take your account out of the sandbox.'}
      </p>
      <div className="actions">
        {/* Going on is the main action only once a test went through. */}
        <button
          className={sent.result && !ownLeads && !ownExpired ? 'primary' : undefined}
          type="button"
          onClick={() => void goTo('sandbox')}
        >
          Continue: leave the sandbox
        </button>
        <button type="button" onClick={() => void goTo('dashboard')}>
          Go to the dashboard
        </button>
      </div>
    </section>
  );
}
