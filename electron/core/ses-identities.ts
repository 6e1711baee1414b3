/**
 * The names of the identities (domains and addresses) SES holds in one region. Shared by the Region
 * screen (what each region already has) and the Sender screen (the list and its states).
 */
import type { AwsClients } from './aws-clients';
import { fail } from './errors';
import { sleep } from './sleep';

/** ListIdentities allows one call a second: the pause between two pages of a long list. */
export const IDENTITY_PAGE_PAUSE_MS = 1_000;

/**
 * Every identity name in the region, every page of them: whether SES already holds an identity
 * decides what the ledger records as made by the assistant (and may later delete), so a list cut
 * short would have it claim a person's own domain. Pages of 1,000, SES's largest, so most accounts
 * need one call. A page token seen before would never end: that fails, rather than answer with a
 * list that may be short.
 */
export async function identityNames(
  clients: AwsClients,
  pauseMs = IDENTITY_PAGE_PAUSE_MS,
): Promise<string[]> {
  const ses = await clients.ses();
  const { ListIdentitiesCommand } = await import('@aws-sdk/client-ses');
  const names: string[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await ses.send(new ListIdentitiesCommand({ MaxItems: 1000, NextToken: token }));
    names.push(...(page.Identities ?? []));
    token = page.NextToken;
    if (!token) return names;
    if (seen.has(token))
      fail({
        code: 'SES_IDENTITY_LIST_LOOPS',
        title: 'SES did not finish listing your senders',
        explanation: `SES sent the same page of your ${clients.region} identities twice, so the assistant could not read the whole list. Nothing was changed.`,
        fix: 'Try again in a minute.',
        retryable: true,
      });
    seen.add(token);
    await sleep(pauseMs);
  }
}
