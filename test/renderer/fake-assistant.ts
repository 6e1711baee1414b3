/** A fake window.assistant for renderer tests: answers per channel, records every call. */
import { vi } from 'vitest';
import type { AppState, AssistantBridge, ChannelName, Result } from '../../electron/ipc/contract';
import { draftSaveInput, drafts as draftsSchema, type Drafts } from '../../electron/ipc/inputs/drafts';
import {
  buildSendingPolicy,
  buildSetupPolicy,
  sendingRightsWords,
} from '../../electron/features/sending-user/policy';

export type Answers = Partial<
  Record<ChannelName, (input: unknown) => Result<unknown> | Promise<Result<unknown>>>
>;

export function baseState(overrides: Partial<AppState> = {}): AppState {
  const step = overrides.step ?? 'welcome';
  return {
    step,
    // As the settings store does: the screen shown has been reached.
    reached: [step],
    profiles: [],
    activeProfileId: null,
    region: 'us-east-1',
    keychainMode: 'keychain',
    notices: [],
    lastReport: null,
    regionNames: { 'us-east-1': 'US East (N. Virginia)', 'eu-west-1': 'Europe (Ireland)' },
    language: 'en',
    languageChosen: false,
    ...overrides,
  };
}

/** Answers every screen may ask for in passing; a test's own answers take precedence. */
const DEFAULTS: Answers = {
  'admin.status': () => ({ ok: true, value: null }),
  // Answers kept across restarts: none, unless a test says otherwise.
  'drafts.get': () => ({ ok: true, value: { sandbox: null, sender: null, testSend: null } }),
  'drafts.save': () => ({ ok: true, value: { saved: true } }),
  // The DNS screen's Cloudflare and hand-off panels ask by themselves; tests about them answer.
  'cloudflare.status': () => ({
    ok: true,
    value: { domain: '', tokenSaved: false, zone: null, otherZones: 0 },
  }),
  'handoff.prepare': () => new Promise<never>(() => undefined),
  // The dashboard's "What the app key may do" card: a key the assistant did not make.
  'setupRights.status': () => ({
    ok: true,
    value: {
      state: 'unknown',
      manageable: false,
      userName: null,
      accountId: null,
      policyName: 'SesSetupAssistantSetup',
      changedAt: null,
      keyMay: sendingRightsWords(),
    },
  }),
  // The sending user's policies, as the console steps and the "create it for me" form show them.
  'sendingUser.policy': () => ({
    ok: true,
    value: {
      userName: 'ses-setup-assistant-sender',
      policyName: 'SesSetupAssistantSending',
      json: JSON.stringify(buildSendingPolicy(), null, 2),
      setupPolicyName: 'SesSetupAssistantSetup',
      setupJson: JSON.stringify(buildSetupPolicy(), null, 2),
      keyMay: sendingRightsWords(),
    },
  }),
};

export function installFakeAssistant(answers: Answers) {
  const invoke = vi.fn(async (channel: ChannelName, input: unknown) => {
    const answer = answers[channel] ?? DEFAULTS[channel];
    if (!answer) throw new Error(`no fake answer for ${channel}`);
    return answer(input);
  });
  const bridge = {
    invoke,
    // As the preload's: the state asked for at load, which the fake answers as any app.state.
    // Only start.test.tsx takes it: the other tests render <App/>, which then asks by itself.
    firstState: () => invoke('app.state', {}),
    on: vi.fn(() => () => undefined),
  } as unknown as AssistantBridge;
  Object.defineProperty(window, 'assistant', { value: bridge, configurable: true });
  return invoke;
}

/**
 * drafts.get and drafts.save over one object standing in for the settings slice, each checked with
 * the router's rules: render, type, unmount, render again, and the screen reads back what it saved.
 */
export function keptDrafts(): { answers: Answers; drafts: Drafts } {
  const kept = { drafts: draftsSchema.parse({}) };
  return {
    get drafts() {
      return kept.drafts;
    },
    answers: {
      'drafts.get': () => ({ ok: true, value: structuredClone(kept.drafts) }),
      'drafts.save': (input) => {
        const { form, answers } = draftSaveInput.parse(input);
        kept.drafts = draftsSchema.parse({ ...kept.drafts, [form]: answers });
        return { ok: true, value: { saved: true } };
      },
    },
  };
}
