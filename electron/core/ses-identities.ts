/**
 * The names of the identities (domains and addresses) SES holds in one region. Shared by the Region
 * screen (what each region already has) and the Sender screen (the list and its states).
 */
import type { AwsClients } from './aws-clients';

/**
 * Every identity name in the region, every page of them: whether SES already holds an identity
 * decides what the ledger records as made by the assistant (and may later delete), so a list cut
 * short would have it claim a person's own domain. Pages of 1,000, SES's largest, as few as can
 * be: ListIdentities allows one call a second.
 */
export async function identityNames(clients: AwsClients): Promise<string[]> {
  const ses = await clients.ses();
  const { ListIdentitiesCommand } = await import('@aws-sdk/client-ses');
  const names: string[] = [];
  const tokens = new Set<string>();
  let token: string | undefined;
  do {
    const page = await ses.send(new ListIdentitiesCommand({ MaxItems: 1000, NextToken: token }));
    names.push(...(page.Identities ?? []));
    token = page.NextToken;
    // A token seen before would loop forever: the list is then as complete as SES will make it.
    if (token && tokens.has(token)) break;
    if (token) tokens.add(token);
  } while (token);
  return names;
}
