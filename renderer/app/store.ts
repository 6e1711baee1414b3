/**
 * The renderer's state: what the main process last said (AppState) and what is in flight. Every
 * change goes through a channel; nothing here is the source of truth for settings or keys.
 */
import { create } from 'zustand';
import type { AppState, AssistantError, InputOf } from '../../electron/ipc/contract';
import type { StepId } from '../../electron/ipc/schemas';
import { invoke } from './api';

interface AssistantStore {
  app: AppState | null;
  loadError: AssistantError | null;
  /** The error of the last action, shown where the action was taken. */
  actionError: AssistantError | null;
  busy: boolean;
  load(): Promise<void>;
  goTo(step: StepId): Promise<void>;
  /** Back from a side screen (SMTP, key, ledger) to where the person came from. */
  goBack(): Promise<void>;
  returnTo: StepId | null;
  /** The latest progress message of a long task (from the main process), shown while busy. */
  progress: string | null;
  connect(input: InputOf<'connection.connect'>): Promise<boolean>;
  createSendingUser(input: InputOf<'sendingUser.create'>): Promise<boolean>;
  retest(profileId: string): Promise<void>;
  chooseSessionOnly(): Promise<void>;
  clearError(): void;
}

/** Screens off the wizard's path: their Back button returns to where the person was. */
const SIDE_SCREENS: StepId[] = ['smtp', 'rotation', 'ledger'];

export const useAssistant = create<AssistantStore>((set, get) => {
  /** Runs an action that changes the connection, then reloads the app state; false when it failed. */
  async function act(run: () => Promise<{ ok: true } | { ok: false; error: AssistantError }>) {
    set({ busy: true, actionError: null });
    const result = await run();
    if (!result.ok) {
      set({ busy: false, actionError: result.error });
      return false;
    }
    await get().load();
    set({ busy: false });
    return true;
  }

  return {
    app: null,
    loadError: null,
    actionError: null,
    busy: false,
    returnTo: null,
    progress: null,

    async load() {
      const result = await invoke('app.state', {});
      if (result.ok) set({ app: result.value, loadError: null });
      else set({ loadError: result.error });
    },

    async goTo(step) {
      const from = get().app?.step ?? null;
      if (SIDE_SCREENS.includes(step) && from && !SIDE_SCREENS.includes(from)) set({ returnTo: from });
      const result = await invoke('wizard.goTo', { step });
      if (result.ok) set({ app: result.value, actionError: null });
      else set({ actionError: result.error });
    },

    connect: (input) => act(() => invoke('connection.connect', input)),

    createSendingUser: (input) => {
      set({ progress: null });
      return act(() => invoke('sendingUser.create', input));
    },

    async retest(profileId) {
      set({ busy: true, actionError: null });
      const result = await invoke('connection.test', { profileId });
      if (result.ok) await get().load();
      set({ busy: false, actionError: result.ok ? null : result.error });
    },

    async chooseSessionOnly() {
      const result = await invoke('keychain.useSessionOnly', {});
      if (result.ok) set({ app: result.value, actionError: null });
      else set({ actionError: result.error });
    },

    async goBack() {
      await get().goTo(get().returnTo ?? (get().app?.activeProfileId ? 'connected' : 'connect'));
    },

    clearError: () => set({ actionError: null }),
  };
});
