/**
 * Which names' DMARC can apply to a domain with none of its own: every parent up to its
 * organisational domain (Public Suffix List, private section included), never a public suffix.
 * And how an unanswered parent reads: unknown, never "none".
 */
import { describe, expect, it } from 'vitest';
import { dmarcParents, inheritedDmarc, organisationalDomain } from '../../../electron/features/dns/today';
import type { Answer, DnsAsker } from '../../../electron/features/dns/lookup';

describe('the organisational domain', () => {
  it.each([
    ['mail.shop.example.com', 'example.com'],
    ['a.b.co.uk', 'b.co.uk'],
    ['b.co.uk', 'b.co.uk'],
    ['site.github.io', 'site.github.io'],
    ['x.site.github.io', 'site.github.io'],
    ['mail.xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['mail.shop.test', 'shop.test'],
  ])('of %s is %s', (domain, org) => {
    expect(organisationalDomain(domain)).toBe(org);
  });

  it('is none for a public suffix, which is nobody’s organisation', () => {
    expect(organisationalDomain('co.uk')).toBeNull();
    expect(organisationalDomain('github.io')).toBeNull();
  });
});

describe('the parents whose DMARC can apply', () => {
  it.each([
    ['example.com', []],
    ['mail.example.com', ['example.com']],
    ['a.b.mail.example.com', ['b.mail.example.com', 'mail.example.com', 'example.com']],
    ['mail.b.co.uk', ['b.co.uk']],
    ['b.co.uk', []],
    ['co.uk', []],
    ['x.site.github.io', ['site.github.io']],
  ])('of %s: %j', (domain, parents) => {
    expect(dmarcParents(domain)).toEqual(parents);
  });
});

/** An asker answering from a table; a name missing from it is a server that did not answer. */
function asker(answers: Record<string, Answer>): DnsAsker & { asked: string[] } {
  const asked: string[] = [];
  return {
    servers: ['table'],
    asked,
    async ask(name) {
      asked.push(name);
      return answers[name] ?? { values: [], error: 'refused' };
    },
  };
}

describe('the DMARC a parent passes down', () => {
  const reject = 'v=DMARC1; p=reject';
  it('is the closest parent’s valid record', async () => {
    const view = asker({
      '_dmarc.b.mail.example.com': { values: [] },
      '_dmarc.mail.example.com': { values: ['v=DMARC1; p=quarantine'] },
      '_dmarc.example.com': { values: [reject] },
    });
    expect(await inheritedDmarc(view, 'a.b.mail.example.com')).toEqual({
      from: 'mail.example.com',
      record: 'v=DMARC1; p=quarantine',
    });
  });

  it('is unknown when a closer parent did not answer, never none', async () => {
    const view = asker({ '_dmarc.example.com': { values: [] } });
    expect(await inheritedDmarc(view, 'a.mail.example.com')).toBe('unknown');
    const timedOut = asker({ '_dmarc.example.com': { values: [], error: 'timeout' } });
    expect(await inheritedDmarc(timedOut, 'mail.example.com')).toBe('unknown');
  });

  it('is none only when every parent answered without a valid record', async () => {
    const view = asker({
      '_dmarc.mail.example.com': { values: ['v=DMARC1; p=block'] },
      '_dmarc.example.com': { values: [], nxdomain: true },
    });
    expect(await inheritedDmarc(view, 'a.mail.example.com')).toBeNull();
  });

  it('never asks above the organisational domain (a public suffix’s record is not the person’s)', async () => {
    const view = asker({ '_dmarc.b.co.uk': { values: [] }, '_dmarc.co.uk': { values: [reject] } });
    expect(await inheritedDmarc(view, 'mail.b.co.uk')).toBeNull();
    expect(view.asked).toEqual(['_dmarc.b.co.uk']);
  });
});
