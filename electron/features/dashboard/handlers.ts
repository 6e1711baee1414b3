/**
 * The dashboard (renderer/features/dashboard/DashboardStep.tsx): sending status, quota, reputation,
 * senders, key age, SMTP settings and code snippets, each card able to fail on its own.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import type { KeyStatus } from '../rotation';
import { buildDashboard } from './dashboard';

export function dashboardHandlers(
  ctx: ServiceContext,
  deps: { keyStatus: () => Promise<KeyStatus> },
): Pick<Handlers, 'dashboard.get'> {
  return { 'dashboard.get': () => buildDashboard(ctx, deps) };
}
