/**
 * The "Test send" screen's channels: the identities to send from, the mailbox simulator, the test
 * send itself (API or SMTP), verifying a recipient in the sandbox, and the bounce and complaint
 * notifications (set up with the admin session, read with whatever may read them).
 *
 * Sends go to the region the person chose for their identities (settings.region), which is where
 * SES checks the sender.
 */
import type { Handlers } from '../../ipc/router';
import type { ServiceContext } from '../../core/context';
import { AssistantFailure, fail, sendFailure, toAssistantError } from '../../core/errors';
import { setupRightsRemoved } from '../sending-user';
import { recordCreated } from '../../core/ledger';
import { SIMULATOR_ADDRESSES } from './simulator';
import { deriveSmtpPassword } from './smtp';
import { listSenders, testSend, verifyRecipient, type SmtpLogin } from './test-send';

type SendChannels = 'send.test' | 'send.simulatorAddresses' | 'send.senders' | 'send.verifyRecipient';

export function sendHandlers(ctx: ServiceContext): Pick<Handlers, SendChannels> {
  const region = () => ctx.settings.get().region;

  /** The SMTP login for the region: the access key id and the password derived from its secret. */
  async function smtpLogin(sendRegion: string): Promise<SmtpLogin> {
    const record = ctx.profile();
    const source = record.credentialKind === 'long-term' ? await ctx.credentialsOf(record) : null;
    if (!source || source.kind !== 'keys') {
      fail({
        code: 'SMTP_NEEDS_KEPT_KEY',
        title: 'No SMTP password can be made for this connection',
        explanation:
          record.credentialKind === 'temporary'
            ? 'SMTP needs a long-term access key (starting with AKIA); SES does not accept temporary keys for SMTP.'
            : 'SMTP passwords are made from an access key the assistant keeps. This connection uses an AWS profile.',
        fix: 'Send over the API instead, or connect with the sending user’s access key ID and secret access key.',
        retryable: false,
      });
    }
    return {
      userName: source.accessKeyId,
      password: deriveSmtpPassword(source.secretAccessKey, sendRegion),
    };
  }

  return {
    'send.simulatorAddresses': async () => SIMULATOR_ADDRESSES.map((s) => ({ ...s })),

    'send.senders': async () => {
      const clients = await ctx.clientsFor(undefined, region());
      try {
        return await listSenders(clients);
      } catch (err) {
        throw new AssistantFailure(
          toAssistantError(err, {
            region: region(),
            doing: 'listing your verified senders (ses:ListIdentities)',
          }),
        );
      }
    },

    'send.test': async (input) => {
      const sendRegion = region();
      const clients = await ctx.clientsFor(undefined, sendRegion);
      ctx.emit('progress', {
        task: 'send.test',
        message: `Sending a test message over ${input.via.toUpperCase()}…`,
      });
      try {
        const result = await testSend(
          {
            clients,
            region: sendRegion,
            smtpLogin: () => smtpLogin(sendRegion),
            peer: ctx.peers.smtp,
            clock: ctx.clock,
          },
          input,
        );
        ctx.log.info('send: test message accepted', {
          via: result.via,
          tookMs: result.tookMs,
          simulator: result.simulatorOutcome ?? 'no',
        });
        return result;
      } catch (err) {
        const error =
          err instanceof AssistantFailure
            ? err.assistantError
            : sendFailure(err, { region: sendRegion, sending: input.via, from: input.from, to: input.to });
        ctx.log.info('send: test message failed', { via: input.via, code: error.code });
        throw new AssistantFailure(error);
      }
    },

    'send.verifyRecipient': async ({ address }) => {
      const sendRegion = region();
      const clients = await ctx.clientsFor(undefined, sendRegion);
      try {
        const result = await verifyRecipient(clients, address);
        await recordCreated(ctx, {
          kind: 'ses-identity',
          id: address,
          region: sendRegion,
          label: `Verified recipient ${address} (${sendRegion})`,
        });
        return result;
      } catch (err) {
        throw new AssistantFailure(
          setupRightsRemoved(ctx, err, 'verifying the address') ??
            toAssistantError(err, {
              region: sendRegion,
              doing: 'asking SES to verify the address (ses:VerifyEmailIdentity)',
            }),
        );
      }
    },
  };
}
