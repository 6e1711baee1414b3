/**
 * The names of the identities (domains and addresses) SES holds in one region. Shared by the Region
 * screen (what each region already has) and the Sender screen (the list and its states).
 */
import type { AwsClients } from './aws-clients';

/** Every identity name in the region (up to 1,000), without their states. */
export async function identityNames(clients: AwsClients): Promise<string[]> {
  const ses = await clients.ses();
  const { ListIdentitiesCommand } = await import('@aws-sdk/client-ses');
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await ses.send(new ListIdentitiesCommand({ MaxItems: 100, NextToken: token }));
    names.push(...(page.Identities ?? []));
    token = page.NextToken;
  } while (token && names.length < 1000);
  return names;
}
