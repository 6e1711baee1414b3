import { useEffect } from 'react';
import { useAssistant } from './store/assistant';
import { ErrorPanel } from './components/ErrorPanel';
import { Progress } from './components/Progress';
import { SCREENS } from './steps/registry';

export function App() {
  const { app, loadError, load } = useAssistant();

  useEffect(() => {
    void load();
  }, [load]);

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
      <main className="shell" aria-busy="true">
        <p className="muted">Starting…</p>
      </main>
    );
  }

  const Screen = SCREENS[app.step];
  return (
    <div className="layout">
      <header className="topbar">
        <span className="brand">SES Setup Assistant</span>
        <Progress step={app.step} />
      </header>
      <main className="shell">
        {app.notices.map((notice) => (
          <p key={notice} className="notice" role="status">
            {notice}
          </p>
        ))}
        <Screen key={app.step} />
      </main>
    </div>
  );
}
