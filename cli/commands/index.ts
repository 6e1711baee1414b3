import type { Command } from '../command';
import { dnsCheckCommand } from './dns-check';
import { dnsHandoffCommand } from './dns-handoff';
import { policyCommand } from './policy';
import { smtpPasswordCommand } from './smtp-password';

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: Command[] = [smtpPasswordCommand, policyCommand, dnsCheckCommand, dnsHandoffCommand];
