/**
 * The renderer's state: what the main process last said (AppState) and what is in flight. Every
 * change goes through a channel; nothing here is the source of truth for settings or keys.
 */
import { create } from 'zustand';
import type {
  AdminSummary,
  AppState,
  AssistantError,
  InputOf,
  OutputOf,
  Result,
} from '../../electron/ipc/contract';
import type { StepId } from '../../electron/ipc/schemas';
import { invoke } from './api';

interface AssistantStore {
  app: AppState | null;
  loadError: AssistantError | null;
  /** The error of the last action, shown where the action was taken. */
  actionError: AssistantError | null;
  busy: boolean;
  /** Asks for the app state; `asked`: an answer already on its way (the preload's first one). */
  load(asked?: Promise<Result<AppState>>): Promise<void>;
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

  /**
   * The admin session as the main process last described it (undefined: not asked yet). The header
   * shows it on every screen, and each screen that needs admin access offers to open it; both read
   * it here so they never disagree.
   */
  admin: AdminSummary | null | undefined;
  /** The session shown was forgotten by the main process (time limit, screen lock), not by a click. */
  adminLapsed: boolean;
  /** Asks the main process again (on window focus, at the deadline, after a step that used it). */
  refreshAdmin(): Promise<void>;
  openAdmin(input: InputOf<'admin.open'>): Promise<Result<AdminSummary>>;
  forgetAdmin(): Promise<void>;
  /** Deletes the long-term admin key with itself (the person confirmed), which also forgets it. */
  deleteAdminKey(): Promise<Result<OutputOf<'admin.deleteKey'>>>;
  /** The admin key deleted last, said on the screen where it happened. */
  adminKeyDeleted: OutputOf<'admin.deleteKey'> | null;
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

  /** Shows a new admin summary; a session that disappeared without a click has lapsed. */
  function showAdmin(admin: AdminSummary | null, byPerson: boolean) {
    const before = get().admin;
    set({ admin, adminLapsed: admin ? false : byPerson ? false : Boolean(before) || get().adminLapsed });
  }

  return {
    app: null,
    admin: undefined,
    adminLapsed: false,
    adminKeyDeleted: null,
    loadError: null,
    actionError: null,
    busy: false,
    returnTo: null,
    progress: null,

    async load(asked) {
      const result = await (asked ?? invoke('app.state', {}));
      if (result.ok) set({ app: result.value, loadError: null });
      else set({ loadError: result.error });
    },

    async goTo(step) {
      const from = get().app?.step ?? null;
      if (SIDE_SCREENS.includes(step) && from && !SIDE_SCREENS.includes(from)) set({ returnTo: from });
      const result = await invoke('wizard.goTo', { step });
      if (result.ok) set({ app: result.value, actionError: null, adminKeyDeleted: null });
      else set({ actionError: result.error });
    },

    connect: (input) => act(() => invoke('connection.connect', input)),

    async createSendingUser(input) {
      set({ progress: null });
      const done = await act(() => invoke('sendingUser.create', input));
      // It used the admin keys, which restarts their idle time.
      await get().refreshAdmin();
      return done;
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

    async refreshAdmin() {
      try {
        const result = await invoke('admin.status', {});
        showAdmin(result.ok ? result.value : null, false);
      } catch {
        // No answer at all (the bridge is gone): show no session rather than a stale one.
        showAdmin(null, false);
      }
    },

    async openAdmin(input) {
      const result = await invoke('admin.open', input);
      if (result.ok) showAdmin(result.value, true);
      return result;
    },

    async forgetAdmin() {
      await invoke('admin.forget', {});
      showAdmin(null, true);
    },

    async deleteAdminKey() {
      const result = await invoke('admin.deleteKey', { confirm: true });
      if (result.ok) {
        showAdmin(null, true);
        set({ adminKeyDeleted: result.value });
      } else await get().refreshAdmin();
      return result;
    },
  };
});
