/**
 * The hand-off as one self-contained web page (no script, no remote file, its style inline), for
 * a person who would rather send a page than a block of text. Every value that came from DNS, SES
 * or the plan is escaped: a TXT value may hold `<`, `&` or quotes.
 */
import { checkWords, domainWords, introduction, purposeLabel } from './message';
import type { HandOff } from './types';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { text-align: left; vertical-align: top; border: 1px solid #bbb; padding: 0.4rem 0.6rem; }
th { width: 7rem; background: #f2f2f2; }
code { font: 0.95rem/1.4 ui-monospace, monospace; overflow-wrap: anywhere; }
pre { white-space: pre; overflow-x: auto; background: #f6f6f6; padding: 0.6rem; } /* one command a line, as typed */
`;

export function toHtml(h: HandOff): string {
  const e = escapeHtml;
  const records = h.records
    .map(
      (r, i) => `<h2>Record ${i + 1} of ${h.records.length}: ${e(purposeLabel(r.purpose))}</h2>
<table>
<tr><th scope="row">Type</th><td><code>${e(r.type)}</code></td></tr>
<tr><th scope="row">${e(h.host.nameField)}</th><td><code>${e(r.nameToType)}</code>${
        r.nameToType === r.relativeName ? `<br>(full name: <code>${e(r.name)}</code>)` : ''
      }</td></tr>
<tr><th scope="row">Value</th><td><code>${e(r.value)}</code></td></tr>
<tr><th scope="row">TTL</th><td>${r.ttl} (one hour; your host’s default is fine too)</td></tr>
<tr><th scope="row">Why</th><td>${e(r.why)}</td></tr>
</table>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(h.subject)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>DNS records to add for ${e(domainWords(h))}</h1>
<p>Hello,</p>
${introduction(h)
  .map((p) => `<p>${e(p)}</p>`)
  .join('\n')}
${records}
<h2>How to add them${h.host.recognised ? ` at ${e(h.host.name)}` : ''}</h2>
<ul>
${h.host.tips.map((t) => `<li>${e(t)}</li>`).join('\n')}
</ul>
${h.host.whyNotAutomatic ? `<p>${e(h.host.whyNotAutomatic)}</p>` : ''}
<h2>How to check</h2>
${checkWords()
  .map((p) => `<p>${e(p)}</p>`)
  .join('\n')}
<pre>${h.digLines.map(e).join('\n')}</pre>
<p>Thank you!</p>
</body>
</html>
`;
}
