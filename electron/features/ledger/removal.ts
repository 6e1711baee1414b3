/**
 * Removing what the app created, one entry or all of them: AWS resources with the admin session,
 * records at Cloudflare with the zone's token (AWS admin keys cannot touch them, and are not asked
 * for when only those are removed). Each kind has one remover; something already gone counts as
 * removed, so a removal can always be run again.
 *
 * Screen: “What this app created” (renderer/features/ledger/LedgerStep.tsx).
 */
import type { AwsClients } from '../../core/aws-clients';
import type { ServiceContext } from '../../core/context';
import { fail } from '../../core/errors';
import {
  accountOfEntry,
  assertSameAccount,
  forgetEntry,
  sameEntry,
  type LedgerEntry,
} from '../../core/ledger';
import { CLOUDFLARE_REMOVERS } from '../cloudflare';
import { removeRecord } from '../dns';
import { FEEDBACK_REMOVERS } from '../feedback';
import { detachTopic } from '../notifications';
import { SUPPRESSION_REMOVERS } from '../suppression';
import { forgetConnection } from '../connection';
import type { Remover } from './types';

const gone = (err: unknown) =>
  /NoSuchEntity|NotFound|NoSuchHostedZone/.test((err as { name?: string })?.name ?? '');

async function ignoringGone(work: Promise<unknown>): Promise<void> {
  await work.catch((err) => {
    if (!gone(err)) throw err;
  });
}

const iam = async (admin: AwsClients) => ({
  client: await admin.iam(),
  sdk: await import('@aws-sdk/client-iam'),
});

const removers: Record<string, Remover> = {
  'iam-access-key': async (admin, entry) => {
    const { client, sdk } = await iam(admin);
    await ignoringGone(
      client.send(new sdk.DeleteAccessKeyCommand({ UserName: entry.meta?.userName, AccessKeyId: entry.id })),
    );
  },
  'iam-policy-attachment': async (admin, entry) => {
    const { client, sdk } = await iam(admin);
    await ignoringGone(
      client.send(
        new sdk.DetachUserPolicyCommand({ UserName: entry.meta?.userName, PolicyArn: entry.meta?.policyArn }),
      ),
    );
  },
  'iam-user': async (admin, entry) => {
    const { client, sdk } = await iam(admin);
    // A user can only be deleted once its keys and policies are gone.
    try {
      const keys = await client.send(new sdk.ListAccessKeysCommand({ UserName: entry.id }));
      for (const key of keys.AccessKeyMetadata ?? [])
        await ignoringGone(
          client.send(new sdk.DeleteAccessKeyCommand({ UserName: entry.id, AccessKeyId: key.AccessKeyId })),
        );
      const attached = await client.send(new sdk.ListAttachedUserPoliciesCommand({ UserName: entry.id }));
      for (const policy of attached.AttachedPolicies ?? [])
        await ignoringGone(
          client.send(new sdk.DetachUserPolicyCommand({ UserName: entry.id, PolicyArn: policy.PolicyArn })),
        );
      const inline = await client.send(new sdk.ListUserPoliciesCommand({ UserName: entry.id }));
      for (const name of inline.PolicyNames ?? [])
        await ignoringGone(
          client.send(new sdk.DeleteUserPolicyCommand({ UserName: entry.id, PolicyName: name })),
        );
    } catch (err) {
      if (!gone(err)) throw err;
    }
    await ignoringGone(client.send(new sdk.DeleteUserCommand({ UserName: entry.id })));
  },
  'iam-policy': async (admin, entry) => {
    const { client, sdk } = await iam(admin);
    try {
      const users = await client.send(new sdk.ListEntitiesForPolicyCommand({ PolicyArn: entry.id }));
      for (const user of users.PolicyUsers ?? [])
        await ignoringGone(
          client.send(new sdk.DetachUserPolicyCommand({ UserName: user.UserName, PolicyArn: entry.id })),
        );
      const versions = await client.send(new sdk.ListPolicyVersionsCommand({ PolicyArn: entry.id }));
      for (const version of versions.Versions ?? [])
        if (!version.IsDefaultVersion)
          await client.send(
            new sdk.DeletePolicyVersionCommand({ PolicyArn: entry.id, VersionId: version.VersionId }),
          );
    } catch (err) {
      if (!gone(err)) throw err;
    }
    await ignoringGone(client.send(new sdk.DeletePolicyCommand({ PolicyArn: entry.id })));
  },
  // The bounce and complaint topic: detached from its identity first, so SES stops publishing to it.
  'sns-topic': async (admin, entry) => {
    const identity = entry.meta?.identity;
    if (identity) await detachTopic(admin, identity, entry.id, ['Bounce', 'Complaint']);
    const sns = await admin.sns();
    const snsSdk = await import('@aws-sdk/client-sns');
    await ignoringGone(sns.send(new snsSdk.DeleteTopicCommand({ TopicArn: entry.id })));
  },
  'sns-subscription': async (admin, entry) => {
    const sns = await admin.sns();
    const snsSdk = await import('@aws-sdk/client-sns');
    await ignoringGone(sns.send(new snsSdk.UnsubscribeCommand({ SubscriptionArn: entry.id })));
  },
  // An SES identity (a domain or address) in its own region; also used for recipients verified for a test send.
  'ses-identity': async (admin, entry) => {
    const ses = await admin.ses();
    const sesSdk = await import('@aws-sdk/client-ses');
    await ignoringGone(ses.send(new sesSdk.DeleteIdentityCommand({ Identity: entry.id })));
  },
  // A DNS record written into Route 53: only the value the assistant wrote is taken out.
  'route53-record': (admin, entry) => removeRecord(admin, entry),
  // The kinds of the areas that bring their own removers.
  ...FEEDBACK_REMOVERS.kinds,
  ...SUPPRESSION_REMOVERS.kinds,
};

/** Dependencies first: records and topics, identities, then keys, attachments, users, policies. */
const ORDER = [
  // Records at Cloudflare first: they point at the SES identity removed later.
  ...Object.keys(CLOUDFLARE_REMOVERS.kinds),
  ...FEEDBACK_REMOVERS.first,
  ...SUPPRESSION_REMOVERS.first,
  'route53-record',
  'sns-subscription',
  'sns-topic',
  'ses-identity',
  'iam-access-key',
  'iam-policy-attachment',
  'iam-user',
  'iam-policy',
];

export interface RemovalResult {
  removed: LedgerEntry[];
  ledger: LedgerEntry[];
  /** Connections that stopped working because their key was removed, in words. */
  notes: string[];
}

const byToken = (entry: LedgerEntry) => entry.kind in CLOUDFLARE_REMOVERS.kinds;

async function removeEntries(ctx: ServiceContext, entries: LedgerEntry[]): Promise<RemovalResult> {
  const inAws = entries.filter((e) => !byToken(e));
  // Everything is checked before anything is removed: a session in another account would delete
  // that account's same-named things and count this account's as "already gone"; a zone without its
  // token would stop the removal halfway.
  const credentials = inAws.length
    ? ctx.admin.credentials('Removing what the assistant created in AWS needs admin rights.')
    : null;
  const sessionAccount = ctx.admin.summary()?.accountId;
  for (const entry of inAws) {
    const expected = accountOfEntry(ctx, entry);
    if (expected !== sessionAccount) assertSameAccount('The things to remove', expected, sessionAccount);
  }
  await CLOUDFLARE_REMOVERS.check(ctx, entries.filter(byToken));
  const removed: LedgerEntry[] = [];
  const sorted = [...entries].sort((a, b) => rank(a) - rank(b));
  try {
    for (const entry of sorted) {
      const withToken = CLOUDFLARE_REMOVERS.kinds[entry.kind];
      const remover = removers[entry.kind];
      if (withToken) await withToken(ctx, entry);
      else if (!remover || !credentials) {
        fail({
          code: 'CANNOT_REMOVE',
          title: 'The assistant does not know how to remove this',
          explanation: `“${entry.label ?? entry.id}” is of a kind this version cannot remove.`,
          fix: 'Remove it in the AWS console.',
          retryable: false,
        });
      } else await remover(ctx.awsClients(entry.region ?? ctx.settings.get().region, credentials), entry);
      await forgetEntry(ctx, entry.kind, entry.id, entry.region);
      removed.push(entry);
    }
  } catch (err) {
    // Records at Cloudflare go first: a zone emptied before a later failure needs its token no more.
    await CLOUDFLARE_REMOVERS.afterRemoval(ctx, removed).catch(() => []);
    throw err;
  }
  return {
    removed,
    ledger: ctx.settings.get().ledger as LedgerEntry[],
    notes: [
      ...(await forgetBrokenConnections(ctx, removed)),
      ...(await CLOUDFLARE_REMOVERS.afterRemoval(ctx, removed)),
    ],
  };
}

function rank(entry: LedgerEntry): number {
  const i = ORDER.indexOf(entry.kind);
  return i === -1 ? ORDER.length : i;
}

/**
 * A connection whose key was just deleted cannot work any more: it is forgotten (with a rotation's
 * keys beside it) rather than fail later. Any other keychain entry holding a deleted key goes too,
 * such as the key of a sending-user run that stopped before it became a connection: no copy of a
 * key AWS no longer has is kept.
 */
async function forgetBrokenConnections(ctx: ServiceContext, removed: LedgerEntry[]): Promise<string[]> {
  const deletedUsers = new Set(removed.filter((e) => e.kind === 'iam-user').map((e) => e.id));
  // A user's keys go with it, so a key the ledger knows of that user is deleted too.
  const deletedKeys = new Set(
    [...removed, ...(ctx.settings.get().ledger as LedgerEntry[])]
      .filter(
        (e) =>
          e.kind === 'iam-access-key' && (removed.includes(e) || deletedUsers.has(e.meta?.userName ?? '')),
      )
      .map((e) => e.id),
  );
  const notes: string[] = [];
  for (const profile of ctx.settings.get().profiles) {
    const keys = await ctx.vault.loadKeys(profile.id).catch(() => null);
    const userName = profile.arn.split('/').pop() ?? '';
    if ((keys && deletedKeys.has(keys.accessKeyId)) || deletedUsers.has(userName)) {
      await forgetConnection(ctx, profile.id);
      notes.push(`The connection “${profile.label}” used a key that was removed, so it was forgotten too.`);
    }
  }
  await ctx.vault.forgetKeys(deletedKeys);
  return notes;
}

export function removeOne(
  ctx: ServiceContext,
  kind: string,
  id: string,
  region?: string,
): Promise<RemovalResult> {
  // Without a region, the one entry of that kind and id (the same identity in two regions needs one).
  const matches = ctx.settings
    .get()
    .ledger.filter((e) =>
      region === undefined ? e.kind === kind && e.id === id : sameEntry(e, { kind, id, region }),
    );
  const entry = matches.length === 1 ? matches[0] : undefined;
  if (!entry) {
    fail({
      code: 'LEDGER_ENTRY_NOT_FOUND',
      title: 'That is not in the list any more',
      explanation: 'It may already have been removed.',
      fix: 'Look at the list again.',
      retryable: false,
    });
  }
  return removeEntries(ctx, [entry as LedgerEntry]);
}

export function removeAll(ctx: ServiceContext): Promise<RemovalResult> {
  return removeEntries(ctx, ctx.settings.get().ledger as LedgerEntry[]);
}
