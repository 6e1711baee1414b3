import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftAnswers, DraftForm, Drafts, DraftSave } from '../../electron/ipc/inputs/drafts';
import { invoke } from './api';

/** How long typing must pause before what is typed is saved. */
const SAVE_AFTER_MS = 500;

/**
 * Keeps what a person typed on a screen across restarts, the one way every screen does it: the saved
 * answers come back as the screen opens (`restore` decides whether they still apply: answers typed
 * while they were on their way are newer), and what is typed is saved after a short pause, and at
 * once when the screen closes. `answers` is null while nothing is typed, which is also how
 * "Start over" forgets a draft. Never give it a secret: drafts rest in the settings file.
 */
export function useDraft<F extends DraftForm>(
  form: F,
  answers: DraftAnswers<F>,
  /** Called once with the saved answers; keep it stable (useCallback), or the draft is read again. */
  restore: (saved: NonNullable<Drafts[F]>) => void,
): void {
  const [restored, setRestored] = useState(false);
  /** What the settings hold now, so an unchanged form is not written again. */
  const saved = useRef<string | null>(null);
  /** The latest answers not saved yet: saved when typing pauses, or at once when the screen closes. */
  const unsaved = useRef<string | null>(null);
  const key = JSON.stringify(answers);

  const flush = useCallback(() => {
    const next = unsaved.current;
    if (next === null) return;
    unsaved.current = null;
    saved.current = next;
    void invoke('drafts.save', { form, answers: JSON.parse(next) } as DraftSave);
  }, [form]);

  useEffect(() => {
    let live = true;
    void invoke('drafts.get', {}).then((r) => {
      if (!live) return;
      const draft = r.ok ? r.value[form] : null;
      saved.current = JSON.stringify(draft);
      if (draft) restore(draft as NonNullable<Drafts[F]>);
      setRestored(true);
    });
    return () => {
      live = false;
    };
  }, [form, restore]);

  useEffect(() => {
    // Nothing is saved before the saved answers are back: the empty form would overwrite them.
    if (!restored) return;
    unsaved.current = key === saved.current ? null : key;
    if (unsaved.current === null) return;
    const t = setTimeout(flush, SAVE_AFTER_MS);
    return () => clearTimeout(t);
  }, [key, restored, flush]);

  // Closing the screen: what was typed in the last moment is kept too.
  useEffect(() => flush, [flush]);
}
