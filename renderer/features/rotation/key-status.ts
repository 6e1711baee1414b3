import type { OutputOf } from '../../../electron/ipc/contract';
import type { invoke } from '../../app/api';

export type KeyStatus = OutputOf<'rotation.status'>;
export type RotationProgress = NonNullable<KeyStatus['rotation']>;
/** Runs one rotation call with the screen busy; true when it succeeded. */
export type Run = (work: () => ReturnType<typeof invoke<'rotation.status'>>) => Promise<boolean>;

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const moment = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});
export const fmtDay = (iso: string) => day.format(new Date(iso));
export const fmtMoment = (iso: string) => moment.format(new Date(iso));
export const ago = (days: number) => (days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`);

/** The working steps, as the person reads them while the rotation runs. */
export const WORK: { phase: RotationProgress['phase']; label: string }[] = [
  { phase: 'checking', label: 'Check the keys of your sending user' },
  { phase: 'creating', label: 'Create a new key and keep it in your keychain' },
  { phase: 'waiting', label: 'Wait until AWS accepts the new key' },
  { phase: 'switching', label: 'Switch the assistant to the new key' },
  { phase: 'handover', label: 'You update your apps; the old key is watched' },
  { phase: 'deactivating', label: 'Switch the old key off' },
  { phase: 'verifying', label: 'Check that everything still works' },
  { phase: 'deleting', label: 'Delete the old key' },
];
