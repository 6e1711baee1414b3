import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PolicyView } from '../../electron/ipc/contract';
import { ManualGuide } from '../../renderer/features/sending-user/ManualGuide';
import { installFakeAssistant } from './fake-assistant';

const POLICY: PolicyView = {
  userName: 'ses-setup-assistant-sender',
  policyName: 'SesSetupAssistantSending',
  json: '{}',
  setupPolicyName: 'SesSetupAssistantSetup',
  setupJson: '{}',
  keyMay: 'send email; read its sending quota and statistics and the suppression list',
};

describe('the console steps for the sending user', () => {
  it('says what the key may still do once the setup policy is gone, not that it can only send', async () => {
    installFakeAssistant({ 'sendingUser.policy': () => ({ ok: true, value: POLICY }) });
    render(<ManualGuide onHaveKey={() => undefined} />);
    const step = (await screen.findByText(/Create a second policy the same way/)).closest('li')!;
    expect(step.textContent).toContain(
      'the key keeps what the first policy allows: it may send email; read its sending quota and statistics and the suppression list.',
    );
    expect(step.textContent).not.toMatch(/only send/);
  });
});
