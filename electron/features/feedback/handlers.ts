/**
 * Bounce and complaint events read from an SQS queue the app sets up, kept locally and shown on the
 * feedback screen (renderer/features/feedback/FeedbackStep.tsx). Handlers parse, call, shape.
 */
import type { ServiceContext } from '../../core/context';
import { AssistantFailure, toAssistantError } from '../../core/errors';
import { connectionAdmin } from '../../core/ledger';
import type { feedbackContract } from '../../ipc/contracts/feedback';
import type { Handlers } from '../../ipc/router';
import { feedbackQueueStatement } from '../sending-user';
import { pollError } from './errors';
import { checkNow, dataDirOf, forgetLastCheck, lastCheckOf } from './poll';
import { setUpFeedback } from './setup';
import { queueOf } from './state';
import { feedbackStoreIn, RETENTION } from './store';
import type { FeedbackStatus } from './types';
import { exportCsv, feedbackSummary, listEvents } from './view';

async function status(ctx: ServiceContext): Promise<FeedbackStatus> {
  const region = ctx.settings.get().region;
  const setup = queueOf(ctx, region);
  const store = await feedbackStoreIn(dataDirOf(ctx));
  const verified = ctx.settings
    .get()
    .ledger.filter((e) => e.kind === 'ses-identity' && (e.region ?? region) === region)
    .map((e) => e.id);
  return {
    region,
    setup: setup
      ? {
          queueUrl: setup.queueUrl,
          queueArn: setup.queueArn,
          accountId: setup.accountId,
          identities: setup.identities,
          deliveries: setup.deliveries,
          setUpAt: setup.setUpAt,
          policy: setup.policy,
          joined: setup.joined.map((j) => ({
            identity: j.identity,
            topicName: j.topicArn.split(':').pop() ?? j.topicArn,
            types: j.types,
          })),
        }
      : null,
    knownIdentities: [...new Set([...verified, ...(setup?.identities ?? [])])].sort(),
    manualStatement:
      setup?.policy === 'manual' ? JSON.stringify(feedbackQueueStatement(setup.queueArn), null, 2) : null,
    lastCheck: lastCheckOf(ctx),
    counts: store.counts(),
    refused: store.refusals(),
    retention: RETENTION,
  };
}

export function feedbackHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof feedbackContract> {
  const region = () => ctx.settings.get().region;
  return {
    'feedback.status': () => status(ctx),

    'feedback.setup': async (input) => {
      // The queue must be in the sending user's account: it reads it, and SES publishes only to
      // topics of the sender's own account.
      const credentials = connectionAdmin(
        ctx,
        'Creating the queue (Amazon SQS), subscribing it to your senders’ topics (Amazon SNS) and letting the sending user read it needs more rights than the sending user has.',
        'The sending user and its senders',
      );
      const accountId = ctx.profile().accountId ?? '';
      try {
        await setUpFeedback(ctx, ctx.awsClients(region(), credentials), accountId, input);
      } catch (err) {
        throw new AssistantFailure(
          toAssistantError(err, { region: region(), doing: 'setting up bounce and complaint events' }),
        );
      }
      forgetLastCheck(ctx);
      ctx.log.info('feedback: set up', { identities: input.identities.length, deliveries: input.deliveries });
      return status(ctx);
    },

    'feedback.check': async () => {
      try {
        return await checkNow(ctx);
      } catch (err) {
        if (err instanceof AssistantFailure) throw err;
        throw new AssistantFailure(pollError(err, region()));
      }
    },

    'feedback.list': (input) => listEvents(ctx, input),
    'feedback.exportCsv': (input) => exportCsv(ctx, input),
    'feedback.summary': () => feedbackSummary(ctx),
  };
}
