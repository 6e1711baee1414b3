/**
 * deleteOlderVersions against a fake IAM that answers as the IAM API reference says: it keeps the
 * default version, reads IAM back, and reports what IAM still lists (IAM takes a moment to show a
 * deletion everywhere), so the caller says "gone" only when it is.
 */
import { describe, expect, it } from 'vitest';
import type { AwsClients } from '../../../electron/core/aws-clients';
import { deleteOlderVersions } from '../../../electron/core/iam-policy-versions';

const ARN = 'arn:aws:iam::123456789012:policy/SesSetupAssistantSending';

const noSuchEntity = () => Object.assign(new Error('not found'), { name: 'NoSuchEntityException' });

/** IAM with these versions (the first is the default); `lagging` deletions are still listed after. */
function fakeIam(
  ids: string[] | null,
  options: { lagging?: string[]; goneMeanwhile?: string[] } = {},
): { clients: AwsClients; calls: string[] } {
  const held = ids ? [...ids] : null;
  const calls: string[] = [];
  const send = async (command: { constructor: { name: string }; input: Record<string, string> }) => {
    const name = command.constructor.name;
    calls.push(`${name} ${command.input.VersionId ?? ''}`.trim());
    if (!held) throw noSuchEntity();
    if (name === 'ListPolicyVersionsCommand')
      return { Versions: held.map((id, i) => ({ VersionId: id, IsDefaultVersion: i === 0 })) };
    if (name === 'DeletePolicyVersionCommand') {
      const id = command.input.VersionId!;
      if (options.goneMeanwhile?.includes(id)) {
        held.splice(held.indexOf(id), 1);
        throw noSuchEntity();
      }
      if (held.indexOf(id) === 0) throw new Error('Cannot delete the default version');
      if (!options.lagging?.includes(id)) held.splice(held.indexOf(id), 1);
      return {};
    }
    throw new Error(`unexpected ${name}`);
  };
  return { clients: { region: 'us-east-1', iam: async () => ({ send }) } as unknown as AwsClients, calls };
}

describe('deleting the older versions of a policy', () => {
  it('deletes every version but the default, and reads IAM back', async () => {
    const { clients, calls } = fakeIam(['v5', 'v1', 'v3', 'v4']);
    expect(await deleteOlderVersions(clients, ARN)).toEqual({ deleted: ['v1', 'v3', 'v4'], left: [] });
    expect(calls).toEqual([
      'ListPolicyVersionsCommand',
      'DeletePolicyVersionCommand v1',
      'DeletePolicyVersionCommand v3',
      'DeletePolicyVersionCommand v4',
      'ListPolicyVersionsCommand',
    ]);
  });

  it('says which older versions IAM still lists after their deletion', async () => {
    const { clients } = fakeIam(['v3', 'v1', 'v2'], { lagging: ['v2'] });
    expect(await deleteOlderVersions(clients, ARN)).toEqual({ deleted: ['v1', 'v2'], left: ['v2'] });
  });

  it('counts a version deleted meanwhile as deleted', async () => {
    const { clients } = fakeIam(['v2', 'v1'], { goneMeanwhile: ['v1'] });
    expect(await deleteOlderVersions(clients, ARN)).toEqual({ deleted: ['v1'], left: [] });
  });

  it('makes one call for a policy with one version, and none more for a policy that does not exist', async () => {
    const one = fakeIam(['v7']);
    expect(await deleteOlderVersions(one.clients, ARN)).toEqual({ deleted: [], left: [] });
    expect(one.calls).toEqual(['ListPolicyVersionsCommand']);
    const none = fakeIam(null);
    expect(await deleteOlderVersions(none.clients, ARN)).toEqual({ deleted: [], left: [] });
  });
});
