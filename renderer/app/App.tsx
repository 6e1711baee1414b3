import { Suspense, useEffect, useState } from 'react';
import { useAssistant } from './store';
import { ErrorPanel } from '../components/ErrorPanel';
import { AdminIndicator } from '../components/AdminIndicator';
import { AdminKeyOffer, keyOffer } from '../components/AdminKeyOffer';
import { Progress } from './Progress';
import { SCREENS } from './screens';

/** `stateRequested`: the entry script already asked for the app state, so App does not ask again. */
export function App({ stateRequested = false }: { stateRequested?: boolean }) {
  const { app, loadError, load, admin, adminKeyDeleted } = useAssistant();

  useEffect(() => {
    if (!stateRequested) void load();
  }, [load, stateRequested]);

  // Progress of long tasks in the main process, shown by the screen that started them.
  useEffect(() => window.assistant.on('progress', (p) => useAssistant.setState({ progress: p.message })), []);

  if (loadError) {
    return (
      <main className="shell">
        <ErrorPanel error={loadError} />
      </main>
    );
  }
  if (!app) {
    return (
      <main className="shell">
        <Pending text="Starting…" />
      </main>
    );
  }

  const Screen = SCREENS[app.step];
  return (
    <div className="layout">
      <header className="topbar">
        <div className="topbar-row">
          <span className="brand">SES Setup Assistant</span>
          <AdminIndicator />
        </div>
        <Progress step={app.step} reached={app.reached} />
      </header>
      <main className="shell">
        {app.notices.map((notice) => (
          <p key={notice} className="notice" role="status">
            {notice}
          </p>
        ))}
        {adminKeyDeleted && (
          <p className="notice good" role="status">
            The admin key {adminKeyDeleted.keyIdMasked} of user “{adminKeyDeleted.userName}” was deleted in
            AWS, and admin access is forgotten.
          </p>
        )}
        {/* Setup is done: a permanent admin key made for it is no longer needed. */}
        {app.step === 'dashboard' && admin && keyOffer(admin) && (
          <section className="panel warn" aria-label="The admin key">
            <AdminKeyOffer admin={admin} afterSetup />
          </section>
        )}
        <Suspense fallback={<Pending text="Opening this step…" />}>
          <Screen key={app.step} />
        </Suspense>
      </main>
    </div>
  );
}

/**
 * Shown while the app state or a screen's code loads. Most loads take a few milliseconds, so it
 * stays empty for a moment first: a flash of text at every start and on every step would look like
 * something went wrong.
 */
function Pending({ text }: { text: string }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setVisible(true), 300);
    return () => clearTimeout(t);
  }, []);
  return (
    <p className="muted" aria-busy="true">
      {visible ? text : ''}
    </p>
  );
}
