/** What other features may use of the sandbox: where the account stands, for the dashboard. */
export { sandboxStatus, type SandboxStatus } from './sandbox';
