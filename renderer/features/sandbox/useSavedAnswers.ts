import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { invoke } from '../../app/api';
import { fromAnswers, isUnanswered, toAnswers, type Form } from './Questionnaire';

/**
 * Keeps the questionnaire across restarts: the saved answers come back on arrival, and what is typed
 * is saved after a short pause (the answers hold no secret). An empty form saves "nothing", which is
 * how "Start over" forgets them.
 */
export function useSavedAnswers(form: Form, setForm: Dispatch<SetStateAction<Form>>): void {
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    let live = true;
    void invoke('sandbox.savedAnswers', {}).then((r) => {
      if (!live) return;
      // Answers typed while the saved ones were on their way are newer: they stay.
      const saved = r.ok ? r.value : null;
      if (saved) setForm((current) => (isUnanswered(current) ? fromAnswers(saved) : current));
      setRestored(true);
    });
    return () => {
      live = false;
    };
  }, [setForm]);

  useEffect(() => {
    // Nothing is saved before the saved answers are back: the empty form would overwrite them.
    if (!restored) return;
    const t = setTimeout(() => {
      void invoke('sandbox.saveAnswers', { answers: isUnanswered(form) ? null : toAnswers(form) });
    }, 500);
    return () => clearTimeout(t);
  }, [form, restored]);
}
