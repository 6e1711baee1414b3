/**
 * The admin session: credentials with more rights than the sending user (to create that user, write
 * DNS records in Route 53, create bounce topics, help a rotation). Held in this process's memory only,
 * never written anywhere and never sent to the renderer, until the person clicks "Forget admin
 * access" or quits.
 */

/** Who the admin session belongs to: the credentials themselves never leave the main process. */
export interface AdminSummary {
  arn: string;
  accountId: string;
  kind: CredentialKind;
  since: string;
}

import type { CredentialSource } from './aws-clients';
import { fail } from './errors';
import type { CredentialKind } from './credential-kind';

export interface AdminSession {
  summary(): AdminSummary | null;
  /** The credentials, for the one step that needs them; fails in plain words when there are none. */
  credentials(why: string): CredentialSource;
  open(credentials: CredentialSource, summary: AdminSummary): void;
  forget(): void;
}

export function createAdminSession(): AdminSession {
  let held: { credentials: CredentialSource; summary: AdminSummary } | null = null;
  return {
    summary: () => (held ? { ...held.summary } : null),
    credentials(why) {
      if (!held) {
        fail({
          code: 'ADMIN_NEEDED',
          title: 'This step needs administrator access for a moment',
          explanation: `${why} The sending user is deliberately not allowed to do this.`,
          fix: 'Give the assistant admin credentials (temporary ones from AWS CloudShell are best). They stay in memory only and are forgotten when you click “Forget admin access” or quit.',
          retryable: false,
        });
      }
      return held.credentials;
    },
    open(credentials, summary) {
      held = { credentials, summary };
    },
    forget() {
      held = null;
    },
  };
}
