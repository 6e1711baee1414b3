/**
 * The answers typed on screens and not yet sent (ipc/inputs/drafts.ts), in their own settings slice.
 * A feature that sends a form's answers forgets its draft here (the sandbox request, once submitted).
 */
import { drafts, type DraftForm, type Drafts } from '../ipc/inputs/drafts';
import { featureState, type FeatureState } from './feature-state';
import type { SettingsStore } from './settings';

export function draftStore(settings: SettingsStore): FeatureState<Drafts> {
  return featureState(settings, 'drafts', drafts, () => drafts.parse({}));
}

/** Forgets one screen's draft. */
export async function forgetDraft(settings: SettingsStore, form: DraftForm): Promise<void> {
  await draftStore(settings).update((d) => ({ ...d, [form]: null }));
}
