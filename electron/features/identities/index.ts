/** What other features may use of the sender identities: SES's facts about a domain, and the list. */
export { domainSesFacts, listIdentities, type IdentityView } from './identities';
