/**
 * Which component draws each screen, and which screens make up the wizard's progress bar.
 * Each area registers its screens here.
 */
import { lazy, type ComponentType } from 'react';
import type { StepId } from '../../electron/ipc/schemas';
import { WelcomeStep } from './WelcomeStep';

/**
 * Every screen but the first loads on demand, so the first launch downloads and parses only the
 * shell and the Welcome screen. `App` shows a fallback (after a short delay) while one loads.
 */
const onDemand = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

export const SCREENS: Record<StepId, ComponentType> = {
  welcome: WelcomeStep,
  connect: onDemand(() => import('./ConnectStep'), 'ConnectStep'),
  connected: onDemand(() => import('./ConnectedStep'), 'ConnectedStep'),
  ledger: onDemand(() => import('./LedgerStep'), 'LedgerStep'),
  smtp: onDemand(() => import('./SmtpStep'), 'SmtpStep'),
  dns: onDemand(() => import('./DnsStep'), 'DnsStep'),
  region: onDemand(() => import('./RegionStep'), 'RegionStep'),
  identity: onDemand(() => import('./IdentityStep'), 'IdentityStep'),
  'test-send': onDemand(() => import('./TestSendStep'), 'TestSendStep'),
  sandbox: onDemand(() => import('./SandboxStep'), 'SandboxStep'),
  dashboard: onDemand(() => import('./DashboardStep'), 'DashboardStep'),
  rotation: onDemand(() => import('./RotationStep'), 'RotationStep'),
};

/** The wizard's path, as the progress bar shows it; a screen off the path shows its nearest stage. */
export const STAGES: { label: string; steps: StepId[] }[] = [
  { label: 'Welcome', steps: ['welcome'] },
  { label: 'Connect AWS', steps: ['connect', 'connected'] },
  { label: 'Region', steps: ['region'] },
  { label: 'Sender', steps: ['identity'] },
  { label: 'DNS records', steps: ['dns'] },
  { label: 'Test send', steps: ['test-send'] },
  { label: 'Leave the sandbox', steps: ['sandbox'] },
  { label: 'Dashboard', steps: ['dashboard', 'smtp', 'rotation', 'ledger'] },
];
