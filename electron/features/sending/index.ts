/** What other features may use of sending: the region's SMTP host and the code snippets. */
export { smtpEndpoint } from './smtp';
export { buildSnippets, type Snippet } from './snippets';
