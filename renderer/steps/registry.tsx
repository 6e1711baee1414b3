/**
 * Which component draws each screen, and which screens make up the wizard's progress bar.
 * Each area registers its screens here.
 */
import type { ComponentType } from 'react';
import type { StepId } from '../../electron/ipc/schemas';
import { WelcomeStep } from './WelcomeStep';
import { ConnectStep } from './ConnectStep';
import { ConnectedStep } from './ConnectedStep';
import { DnsStep } from './DnsStep';
import { IdentityStep } from './IdentityStep';
import { RegionStep } from './RegionStep';
import { LedgerStep } from './LedgerStep';
import { DashboardStep } from './DashboardStep';
import { SmtpStep } from './SmtpStep';
import { RotationStep } from './RotationStep';
import { TestSendStep } from './TestSendStep';
import { SandboxStep } from './SandboxStep';

export const SCREENS: Record<StepId, ComponentType> = {
  welcome: WelcomeStep,
  connect: ConnectStep,
  connected: ConnectedStep,
  ledger: LedgerStep,
  smtp: SmtpStep,
  // screens of the sending user (issue 3)
  dns: DnsStep,
  region: RegionStep,
  identity: IdentityStep,
  // screens of region, identity and DNS (issue 4)
  'test-send': TestSendStep,
  sandbox: SandboxStep,
  dashboard: DashboardStep,
  // screens of the sandbox, test sends and dashboard (issue 5)
  rotation: RotationStep,
  // screens of rotation (issue 6)
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
