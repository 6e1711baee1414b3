import { invoke } from '../../app/api';
import type { Run } from './key-status';

/** A change the app was closed in the middle of: nothing is broken, it just goes on. */
export function Paused({ run }: { run: Run }) {
  return (
    <section className="panel" aria-labelledby="paused-title">
      <h2 id="paused-title">The key change was paused</h2>
      <p>The app was closed while it ran. Nothing is broken: your current key still works.</p>
      <div className="actions">
        <button className="primary" onClick={() => void run(() => invoke('rotation.resume', {}))}>
          Continue
        </button>
      </div>
    </section>
  );
}
