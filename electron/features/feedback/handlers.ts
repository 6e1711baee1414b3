/**
 * Bounce and complaint events read from an SQS queue the app sets up, kept locally and shown on the feedback screen (issue #16).
 */
import type { ServiceContext } from '../../core/context';
import type { feedbackContract } from '../../ipc/contracts/feedback';
import type { Handlers } from '../../ipc/router';

export function feedbackHandlers(_ctx: ServiceContext): Pick<Handlers, keyof typeof feedbackContract> {
  return {};
}
