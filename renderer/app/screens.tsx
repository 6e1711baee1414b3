/**
 * Which component draws each screen, and which screens make up the wizard's progress bar.
 * Each area registers its screens here.
 */
import { lazy, type ComponentType } from 'react';
import type { StepId } from '../../electron/ipc/schemas';
import { WelcomeStep } from '../features/welcome/WelcomeStep';

/**
 * Every screen but the first loads on demand, so the first launch downloads and parses only the
 * shell and the Welcome screen. `App` shows a fallback (after a short delay) while one loads.
 */
const onDemand = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

export const SCREENS: Record<StepId, ComponentType> = {
  welcome: WelcomeStep,
  connect: onDemand(() => import('../features/connection/ConnectStep'), 'ConnectStep'),
  connected: onDemand(() => import('../features/connection/ConnectedStep'), 'ConnectedStep'),
  ledger: onDemand(() => import('../features/ledger/LedgerStep'), 'LedgerStep'),
  smtp: onDemand(() => import('../features/sending/SmtpStep'), 'SmtpStep'),
  dns: onDemand(() => import('../features/dns/DnsStep'), 'DnsStep'),
  region: onDemand(() => import('../features/region/RegionStep'), 'RegionStep'),
  identity: onDemand(() => import('../features/identities/IdentityStep'), 'IdentityStep'),
  'test-send': onDemand(() => import('../features/sending/TestSendStep'), 'TestSendStep'),
  sandbox: onDemand(() => import('../features/sandbox/SandboxStep'), 'SandboxStep'),
  dashboard: onDemand(() => import('../features/dashboard/DashboardStep'), 'DashboardStep'),
  rotation: onDemand(() => import('../features/rotation/RotationStep'), 'RotationStep'),
  feedback: onDemand(() => import('../features/feedback/FeedbackStep'), 'FeedbackStep'),
};

/**
 * The wizard's path, as the progress bar shows it; a screen off the path shows its nearest stage.
 * `opens` is the screen a click on a reached stage goes back to.
 */
export const STAGES: { label: string; steps: StepId[]; opens: StepId }[] = [
  { label: 'Welcome', steps: ['welcome'], opens: 'welcome' },
  { label: 'Connect AWS', steps: ['connect', 'connected'], opens: 'connected' },
  { label: 'Region', steps: ['region'], opens: 'region' },
  { label: 'Sender', steps: ['identity'], opens: 'identity' },
  { label: 'DNS records', steps: ['dns'], opens: 'dns' },
  { label: 'Test send', steps: ['test-send'], opens: 'test-send' },
  { label: 'Leave the sandbox', steps: ['sandbox'], opens: 'sandbox' },
  { label: 'Dashboard', steps: ['dashboard', 'smtp', 'rotation', 'ledger', 'feedback'], opens: 'dashboard' },
];
