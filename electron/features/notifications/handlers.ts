/**
 * Bounce and complaint notifications (renderer/features/notifications/BounceNotifications.tsx): an
 * SNS topic per sender, with the person's address subscribed, set up with admin access.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { AssistantFailure, toAssistantError } from '../../core/errors';
import { adminOfConnectionAccount, connectionAdmin, recordCreated } from '../../core/ledger';
import { notificationStatus, setUpNotifications } from './notifications';

export function notificationHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'notifications.status' | 'notifications.setup'> {
  const region = () => ctx.settings.get().region;

  /**
   * Admin clients when an admin session of the connection's account is open, otherwise the sending
   * user's: admin keys of another account would read that account's senders under this one's name.
   */
  async function readerClients() {
    if (adminOfConnectionAccount(ctx))
      return ctx.awsClients(region(), ctx.admin.credentials('Reading notification settings.'));
    return ctx.clientsFor(undefined, region());
  }

  return {
    'notifications.status': async ({ identity }) => {
      try {
        return await notificationStatus(await readerClients(), identity);
      } catch (err) {
        throw new AssistantFailure(
          toAssistantError(err, { region: region(), doing: 'reading the bounce and complaint settings' }),
        );
      }
    },

    'notifications.setup': async ({ identity, notifyAddress }) => {
      // The topic must be in the sender's account: SES publishes only to topics of its own account.
      const credentials = connectionAdmin(
        ctx,
        'Creating a notification topic (Amazon SNS) and attaching it to your sender needs more rights than the sending user has.',
        'The sending user and its senders',
      );
      const admin = ctx.awsClients(region(), credentials);
      try {
        const result = await setUpNotifications(admin, identity, notifyAddress);
        for (const topic of result.topics) {
          // A topic someone else set on the identity is theirs: only the subscription is the assistant's.
          if (topic.created)
            await recordCreated(ctx, {
              kind: 'sns-topic',
              id: topic.topicArn,
              region: region(),
              label: `Bounce and complaint topic of ${identity}`,
              meta: { identity },
            });
          if (topic.subscriptionArn.startsWith('arn:'))
            await recordCreated(ctx, {
              kind: 'sns-subscription',
              id: topic.subscriptionArn,
              region: region(),
              label: topic.created
                ? `Email notifications to ${notifyAddress}`
                : `Email notifications to ${notifyAddress} from your topic ${topic.topicArn.split(':').pop()}`,
              meta: { topicArn: topic.topicArn, endpoint: notifyAddress },
            });
        }
        ctx.log.info('notifications: set up', { state: result.status.state });
        return result.status;
      } catch (err) {
        throw new AssistantFailure(
          toAssistantError(err, { region: region(), doing: 'setting up bounce and complaint notifications' }),
        );
      }
    },
  };
}
