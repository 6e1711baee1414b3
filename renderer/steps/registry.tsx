/**
 * Which component draws each screen, and which screens make up the wizard's progress bar.
 * Each area registers its screens here.
 */
import type { ComponentType } from 'react';
import type { StepId } from '../../electron/ipc/schemas';
import { WelcomeStep } from './WelcomeStep';
import { ConnectStep } from './ConnectStep';
import { ConnectedStep } from './ConnectedStep';

export const SCREENS: Record<StepId, ComponentType> = {
  welcome: WelcomeStep,
  connect: ConnectStep,
  connected: ConnectedStep,
  // screens of the sending user (issue 3)
  // screens of region, identity and DNS (issue 4)
  // screens of the sandbox, test sends and dashboard (issue 5)
  // screens of rotation (issue 6)
};

/** The wizard's path, as the progress bar shows it; a screen off the path shows its nearest stage. */
export const STAGES: { label: string; steps: StepId[] }[] = [
  { label: 'Welcome', steps: ['welcome'] },
  { label: 'Connect AWS', steps: ['connect', 'connected'] },
  // stages of issues 4 and 5: Region, Sender, DNS records, Test send, Leave the sandbox, Dashboard
];
