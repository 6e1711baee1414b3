import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App';
import { firstState } from './api';
import { useAssistant } from './store';

/** How long React's first render waits for the app state before it draws the empty shell. */
export const FIRST_RENDER_WAIT_MS = 100;

/**
 * Starts the renderer in `container`. The app state was asked for by the preload as the page began
 * to load, not from App's first effect (which runs only after a first render and paint), and the
 * first render waits for it, briefly: it is then the step itself, not an empty shell whose render
 * and paint hold up the answer. `npm run bench` (first screen) measures the difference.
 */
export async function start(container: HTMLElement, waitMs = FIRST_RENDER_WAIT_MS): Promise<Root> {
  // The router answers every failure as a result, which App shows. The bridge itself rejects only
  // when the main process could not answer at all (a window opened before its channels were bound):
  // then the state is asked once more, and if that fails too, the empty shell is drawn all the same.
  const { load } = useAssistant.getState();
  const loaded = Promise.resolve()
    .then(() => load(firstState()))
    .catch(() => load())
    .catch(() => undefined);
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, waitMs))]);
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <App stateRequested />
    </StrictMode>,
  );
  return root;
}
