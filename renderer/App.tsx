import { useEffect } from 'react';
import { useAssistant } from './store/assistant';
import { ErrorPanel } from './components/ErrorPanel';
import { Progress } from './components/Progress';
import { WelcomeStep } from './steps/WelcomeStep';
import { ConnectStep } from './steps/ConnectStep';
import { ConnectedStep } from './steps/ConnectedStep';

export function App() {
  const { app, loadError, load } = useAssistant();

  useEffect(() => {
    void load();
  }, [load]);

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
        {app.step === 'welcome' && <WelcomeStep />}
        {app.step === 'connect' && <ConnectStep />}
        {app.step === 'connected' && <ConnectedStep />}
      </main>
    </div>
  );
}
