/**
 * The account-level suppression list and the reputation alarms (renderer/features/suppression/).
 * Reads use the admin session when one is open, otherwise the sending user's key (which may read
 * the account settings but, unless its policy grants more, not the list itself). Every change needs
 * the admin session: the sending user's key also serves the person's own apps, and removing
 * addresses or making alarms is not something those should be able to do.
 */
import type { Handlers } from '../../ipc/router';
import type { suppressionContract } from '../../ipc/contracts/suppression';
import type { ServiceContext } from '../../core/context';
import type { AwsClients } from '../../core/aws-clients';
import { AssistantFailure } from '../../core/errors';
import { recordCreated } from '../../core/ledger';
import { REPUTATION } from '../../core/facts/reputation';
import { ALARM_KINDS, alarmName, describeAlarms, reputationLines, setUpAlarms } from './alarms';
import { ALARM_KIND } from './check';
import { changeError, otherAccount, readError } from './errors';
import { suppressionState } from './state';
import { add, detail, listPage, readSettings, remove, search, turnOn } from './suppression-list';
import type { AlarmsView, ReadWith } from './types';

export function suppressionHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof suppressionContract> {
  const region = () => ctx.settings.get().region;
  const state = suppressionState(ctx.settings);

  /**
   * The list and the alarms belong to one AWS account: the connection's. Admin keys of another
   * account would read or change that other account's list while the screen speaks of this one.
   */
  const connectionAccount = () =>
    ctx.settings.get().profiles.find((p) => p.id === ctx.settings.get().activeProfileId)?.accountId;
  const adminOfThisAccount = () => {
    const admin = ctx.admin.summary();
    if (!admin) return false;
    const mine = connectionAccount();
    return !mine || admin.accountId === mine;
  };

  async function reader(): Promise<{
    clients: Awaited<ReturnType<ServiceContext['clientsFor']>>;
    readWith: ReadWith;
  }> {
    // Admin keys of another account are not used to read: the sending user reads its own account.
    if (adminOfThisAccount())
      return {
        clients: ctx.awsClients(region(), ctx.admin.credentials('Reading the suppression list.')),
        readWith: 'admin',
      };
    return { clients: await ctx.clientsFor(undefined, region()), readWith: 'sending-user' };
  }

  const admin = (why: string) => {
    const credentials = ctx.admin.credentials(why);
    const session = ctx.admin.summary()?.accountId;
    const mine = connectionAccount();
    if (mine && session !== mine) throw new AssistantFailure(otherAccount(mine, session));
    return ctx.awsClients(region(), credentials);
  };

  async function reading<T>(doing: string, work: (r: Awaited<ReturnType<typeof reader>>) => Promise<T>) {
    const r = await reader();
    try {
      return await work(r);
    } catch (err) {
      throw new AssistantFailure(readError(err, region(), r.readWith, doing));
    }
  }

  /**
   * A change with the admin session. When SES refuses it, the account's sandbox status is read to
   * tell "not allowed in the sandbox" from other refusals; not knowing it leaves the refusal as it was.
   */
  async function changing<T>(doing: string, work: () => Promise<T>, clients?: AwsClients): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof AssistantFailure) throw err;
      const inSandbox = clients
        ? await readSettings(clients, 'admin').then(
            (s) => s.sandbox === true,
            () => false,
          )
        : false;
      throw new AssistantFailure(changeError(err, region(), doing, { inSandbox }));
    }
  }

  async function alarmsView(): Promise<AlarmsView> {
    const alarms = await reading('reading the reputation alarms', ({ clients }) =>
      describeAlarms(clients, ALARM_KINDS.map(alarmName)),
    );
    return {
      region: region(),
      alarms,
      notifyAddress: state.get().notifyAddress,
      lines: reputationLines(),
      asOf: REPUTATION.asOf,
      sources: REPUTATION.sources,
    };
  }

  return {
    'suppression.settings': () =>
      reading('reading the suppression settings', ({ clients, readWith }) => readSettings(clients, readWith)),

    'suppression.turnOn': async () => {
      const clients = admin(
        'Turning on the suppression list changes an account-wide SES setting, which the sending user is not allowed to do.',
      );
      return changing(
        'turning on the suppression list',
        async () => {
          const before = await readSettings(clients, 'admin');
          if (before.allOn) return before;
          await turnOn(clients, before.suppressedReasons);
          ctx.log.info('suppression: turned on', { region: region() });
          return readSettings(clients, 'admin');
        },
        clients,
      );
    },

    'suppression.list': ({ reasons, nextToken, query }) =>
      reading('listing the suppressed addresses', async ({ clients, readWith }) => {
        if (query) {
          const found = await search(clients, query, reasons);
          return {
            region: region(),
            addresses: found.matches,
            nextToken: null,
            searched: { looked: found.looked, stoppedEarly: found.stoppedEarly, query },
            readWith,
          };
        }
        const page = await listPage(clients, { reasons, nextToken });
        return { region: region(), ...page, readWith };
      }),

    'suppression.detail': ({ address }) =>
      reading('reading why the address is on the list', ({ clients }) => detail(clients, address)),

    'suppression.add': async ({ address, reason }) => {
      const clients = admin('Adding an address to the suppression list needs admin rights.');
      return changing(
        'adding the address to the suppression list',
        async () => {
          await add(clients, address, reason);
          ctx.log.info('suppression: address added', { reason });
          return detail(clients, address);
        },
        clients,
      );
    },

    'suppression.remove': async ({ address }) => {
      const clients = admin('Removing an address from the suppression list needs admin rights.');
      return changing(
        'removing the address from the suppression list',
        async () => {
          await remove(clients, address);
          ctx.log.info('suppression: address removed');
          return { removed: address };
        },
        clients,
      );
    },

    'suppression.alarms': () => alarmsView(),

    'suppression.createAlarms': async ({ notifyAddress }) => {
      const clients = admin(
        'Creating CloudWatch alarms and the notification topic (Amazon SNS) they email needs more rights than the sending user has.',
      );
      const made = await changing('creating the reputation alarms', () =>
        setUpAlarms(clients, notifyAddress),
      );
      await recordCreated(ctx, {
        kind: 'sns-topic',
        id: made.topicArn,
        region: region(),
        label: 'Topic that emails you when a reputation alarm fires',
      });
      if (made.subscriptionArn.startsWith('arn:'))
        await recordCreated(ctx, {
          kind: 'sns-subscription',
          id: made.subscriptionArn,
          region: region(),
          label: `Alarm emails to ${notifyAddress}`,
          meta: { topicArn: made.topicArn, endpoint: notifyAddress },
        });
      for (const name of made.alarmNames)
        await recordCreated(ctx, {
          kind: ALARM_KIND,
          id: name,
          region: region(),
          label: `Warning when the ${name.includes('bounce') ? 'bounce' : 'complaint'} rate is too high`,
          meta: { topicArn: made.topicArn },
        });
      await state.update((s) => ({ ...s, notifyAddress }));
      ctx.log.info('suppression: alarms set up', { count: made.alarmNames.length });
      return alarmsView();
    },
  };
}
