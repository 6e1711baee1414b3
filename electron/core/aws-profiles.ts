/**
 * Lists the AWS profiles found in ~/.aws/credentials and ~/.aws/config, by name and kind only.
 * The files are read for their section names and a few non-secret settings: no key is ever
 * read from them here (the SDK reads the profile itself when it is used).
 */

export interface AwsProfileInfo {
  name: string;
  /** What the profile holds, in words: "access keys", "single sign-on", "role". */
  kind: 'keys' | 'sso' | 'role' | 'other';
  region?: string;
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AwsFiles } from './aws-clients';

type Sections = Map<string, Map<string, string>>;

export function parseIni(text: string): Sections {
  const sections: Sections = new Map();
  let current: Map<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      const name = header[1]!.trim();
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current && eq > 0) current.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return sections;
}

async function readOptional(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/** The AWS CLI's own rule: the environment may point elsewhere, otherwise ~/.aws. */
export function awsFiles(home: string, env: NodeJS.ProcessEnv = process.env): AwsFiles {
  return {
    credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials'),
    config: env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config'),
  };
}

export async function listAwsProfiles(files: AwsFiles): Promise<AwsProfileInfo[]> {
  const { credentials: credentialsFile, config: configFile } = files;
  const found = new Map<string, AwsProfileInfo>();

  for (const [name, values] of parseIni(await readOptional(credentialsFile))) {
    found.set(name, { name, kind: values.has('aws_access_key_id') ? 'keys' : 'other' });
  }
  for (const [section, values] of parseIni(await readOptional(configFile))) {
    // In the config file every profile but "default" is written "[profile name]".
    const name =
      section === 'default' ? 'default' : section.startsWith('profile ') ? section.slice(8).trim() : null;
    if (!name) continue;
    const kind: AwsProfileInfo['kind'] =
      values.has('sso_session') || values.has('sso_start_url')
        ? 'sso'
        : values.has('role_arn')
          ? 'role'
          : values.has('aws_access_key_id')
            ? 'keys'
            : (found.get(name)?.kind ?? 'other');
    found.set(name, { name, kind, region: values.get('region') ?? found.get(name)?.region });
  }
  return [...found.values()]
    .filter((p) => /^[A-Za-z0-9_.+=,@-]{1,64}$/.test(p.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}
