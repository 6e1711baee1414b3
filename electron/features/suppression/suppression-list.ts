/**
 * The account-level suppression list in SES v2: the reasons SES suppresses for by itself
 * (GetAccount → SuppressionAttributes, PutAccountSuppressionAttributes) and the addresses on it
 * (List/Get/Put/DeleteSuppressedDestination). Per region, like everything in SES.
 *
 * What must stay true: turning suppression on only ever adds reasons (a reason the person turned on
 * in the console is never dropped); a removal names exactly one address.
 */
import type { AwsClients } from '../../core/aws-clients';
import { suppressionInSandboxText } from '../../core/facts/sandbox';
import { missingReasons, normaliseReasons, settingsSummary, toAddress, toDetail, REASONS } from './reasons';
import { searchPages, type Page, type SearchLimits, type SearchResult } from './pages';
import type { ReadWith, SuppressedAddressDetail, SuppressionReason, SuppressionSettings } from './types';

const sdk = () => import('@aws-sdk/client-sesv2');

/** Addresses per page on screen; SES allows up to 1,000 a call. */
export const PAGE_SIZE = 50;
/** Addresses per call while searching: fewer calls for the same ground. */
export const SEARCH_PAGE_SIZE = 1000;

export async function readSettings(clients: AwsClients, readWith: ReadWith): Promise<SuppressionSettings> {
  const { GetAccountCommand } = await sdk();
  const out = await (await clients.sesv2()).send(new GetAccountCommand({}));
  const on = normaliseReasons(out.SuppressionAttributes?.SuppressedReasons);
  const sandbox = typeof out.ProductionAccessEnabled === 'boolean' ? !out.ProductionAccessEnabled : null;
  return {
    region: clients.region,
    suppressedReasons: on,
    missing: missingReasons(on),
    allOn: on.length === REASONS.length,
    summary: settingsSummary(on),
    readWith,
    sandbox,
    sandboxNote: sandbox ? suppressionInSandboxText(clients.region) : null,
  };
}

/** Adds the missing reasons to what is on: PutAccountSuppressionAttributes replaces the whole list. */
export async function turnOn(
  clients: AwsClients,
  current: readonly SuppressionReason[],
  wanted: readonly SuppressionReason[] = REASONS,
): Promise<SuppressionReason[]> {
  const reasons = normaliseReasons([...current, ...wanted]);
  const { PutAccountSuppressionAttributesCommand } = await sdk();
  await (
    await clients.sesv2()
  ).send(new PutAccountSuppressionAttributesCommand({ SuppressedReasons: reasons }));
  return reasons;
}

export async function listPage(
  clients: AwsClients,
  options: { reasons?: SuppressionReason[]; nextToken?: string; pageSize?: number },
): Promise<Page> {
  const { ListSuppressedDestinationsCommand } = await sdk();
  const out = await (
    await clients.sesv2()
  ).send(
    new ListSuppressedDestinationsCommand({
      Reasons: options.reasons?.length ? options.reasons : undefined,
      NextToken: options.nextToken,
      PageSize: options.pageSize ?? PAGE_SIZE,
    }),
  );
  return {
    addresses: (out.SuppressedDestinationSummaries ?? []).flatMap((s) => toAddress(s) ?? []),
    nextToken: out.NextToken || null,
  };
}

/** The one address, or null when it is not on the list (NotFoundException). */
export async function detail(clients: AwsClients, address: string): Promise<SuppressedAddressDetail | null> {
  const { GetSuppressedDestinationCommand } = await sdk();
  try {
    const out = await (
      await clients.sesv2()
    ).send(new GetSuppressedDestinationCommand({ EmailAddress: address }));
    return out.SuppressedDestination ? toDetail(out.SuppressedDestination) : null;
  } catch (err) {
    if ((err as { name?: string }).name === 'NotFoundException') return null;
    throw err;
  }
}

/** A whole address is looked up exactly; part of one is searched for through the pages. */
export async function search(
  clients: AwsClients,
  query: string,
  reasons: SuppressionReason[] | undefined,
  limits?: SearchLimits,
): Promise<SearchResult> {
  const q = query.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(q)) {
    const found = await detail(clients, q);
    const keep = found && (!reasons?.length || reasons.includes(found.reason));
    return { matches: keep ? [found] : [], looked: 1, stoppedEarly: false };
  }
  return searchPages(
    (nextToken) => listPage(clients, { reasons, nextToken, pageSize: SEARCH_PAGE_SIZE }),
    q,
    limits,
  );
}

export async function add(clients: AwsClients, address: string, reason: SuppressionReason): Promise<void> {
  const { PutSuppressedDestinationCommand } = await sdk();
  await (
    await clients.sesv2()
  ).send(new PutSuppressedDestinationCommand({ EmailAddress: address, Reason: reason }));
}

export async function remove(clients: AwsClients, address: string): Promise<void> {
  const { DeleteSuppressedDestinationCommand } = await sdk();
  await (await clients.sesv2()).send(new DeleteSuppressedDestinationCommand({ EmailAddress: address }));
}
