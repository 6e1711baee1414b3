/**
 * The hand-off panel's channels (renderer/features/handoff/HandOffPanel.tsx): the message for
 * whoever runs the domain's DNS, and copying, saving or mailing it. Handing it off in any of these
 * ways starts the background watch for that domain (watch.ts). Handlers parse, call and shape; the
 * message is made in message.ts, html.ts and mailto.ts.
 */
import type { ServiceContext } from '../../core/context';
import type { handoffContract } from '../../ipc/contracts/handoff';
import type { Handlers } from '../../ipc/router';
import { dnsOptions } from '../dns/index';
import { toHtml } from './html';
import { fitsMailto, fullMailto, noteMailto } from './mailto';
import { handOffFor, sesFactsFor, type HandOffFacts } from './prepare';
import { handOffState } from './state';
import type { HandOff, HandOffView, HandOffWatchState } from './types';

/** The file name offered when saving: the domain as people read it, never a path. */
export function handOffFileName(h: Pick<HandOff, 'unicodeDomain'>, format: 'text' | 'html'): string {
  return `DNS records for ${h.unicodeDomain}.${format === 'html' ? 'html' : 'txt'}`;
}

export function handoffHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof handoffContract> {
  const state = handOffState(ctx.settings);
  /**
   * The message last prepared per domain, so copy / save / mail send what the person saw; with the
   * connection and region it was made under, since the same domain in another account or region has
   * other DKIM tokens and MAIL FROM host.
   */
  const prepared = new Map<
    string,
    {
      facts: HandOffFacts;
      handOff: HandOff;
      madeUnder: string;
      asked: { region?: string; mailFrom?: string };
    }
  >();
  const under = () => `${ctx.settings.get().activeProfileId ?? ''} ${ctx.settings.get().region}`;

  async function prepare(domain: string, region?: string, mailFrom?: string) {
    const madeUnder = under();
    const facts = await sesFactsFor(ctx, domain, region, mailFrom);
    const handOff = await handOffFor(facts, dnsOptions(ctx), ctx.log);
    const entry = { facts, handOff, madeUnder, asked: { region, mailFrom } };
    prepared.set(domain, entry);
    return entry;
  }

  /**
   * What was shown, or, when the connection or region changed since, the message made again, with
   * `changed` saying whether it differs from the one shown.
   */
  async function current(domain: string) {
    const shown = prepared.get(domain);
    if (shown && shown.madeUnder === under()) return { ...shown, changed: false };
    const made = await prepare(domain, shown?.asked.region, shown?.asked.mailFrom);
    return { ...made, changed: shown !== undefined && shown.handOff.text !== made.handOff.text };
  }

  /** The message as the panel shows it: with whether it fits a mail link, and the watch. */
  function viewOf(domain: string, handOff: HandOff): HandOffView {
    return { ...handOff, mail: fitsMailto(handOff), watch: watchState(domain) };
  }

  /** For a result: the message used, when it is not the one the panel shows. */
  const remade = (domain: string, entry: { handOff: HandOff; changed: boolean }) =>
    entry.changed ? viewOf(domain, entry.handOff) : null;

  function watchState(domain: string): HandOffWatchState {
    const e = state.get().domains[domain];
    return {
      watching: e !== undefined && e.doneAt === null,
      since: e?.since ?? null,
      lastCheckedAt: e?.lastCheckedAt ?? null,
      doneAt: e?.doneAt ?? null,
    };
  }

  /** Handed off: wait for the records, unless they are all in place already. */
  async function await_(entry: { facts: HandOffFacts; handOff: HandOff }): Promise<void> {
    if (entry.handOff.allInPlace === true) return;
    const { domain, ...facts } = entry.facts;
    await state.update((s) => ({
      domains: {
        ...s.domains,
        [domain]: { ...facts, since: ctx.clock().toISOString(), lastCheckedAt: null, doneAt: null },
      },
    }));
    ctx.log.info('handoff: waiting for records', { domain });
  }

  return {
    'handoff.prepare': async ({ domain, region, mailFrom }) => {
      const { handOff } = await prepare(domain, region, mailFrom);
      return viewOf(domain, handOff);
    },

    'handoff.copy': async ({ domain }) => {
      const entry = await current(domain);
      ctx.clipboard.writeText(entry.handOff.text);
      await await_(entry);
      return { copied: true, remade: remade(domain, entry) };
    },

    'handoff.save': async ({ domain, format }) => {
      const entry = await current(domain);
      const content = format === 'html' ? toHtml(entry.handOff) : entry.handOff.text;
      const path = await ctx.saveFile.save(handOffFileName(entry.handOff, format), content, format);
      if (path) await await_(entry);
      return { path, remade: remade(domain, entry) };
    },

    'handoff.mail': async ({ domain }) => {
      const entry = await current(domain);
      if (fitsMailto(entry.handOff).fits) {
        const opened = ctx.openExternal.open(fullMailto(entry.handOff));
        if (opened) await await_(entry);
        return { opened, mode: 'full', attach: null, remade: remade(domain, entry) };
      }
      // Too long for a mail link: save the message, then open a short note to attach it to.
      const name = handOffFileName(entry.handOff, 'text');
      const path = await ctx.saveFile.save(name, entry.handOff.text, 'text');
      if (!path) return { opened: false, mode: 'cancelled', attach: null, remade: remade(domain, entry) };
      await await_(entry);
      const fileName = path.split(/[\\/]/).pop() ?? name;
      const opened = ctx.openExternal.open(noteMailto(entry.handOff, fileName));
      return { opened, mode: 'note', attach: path, remade: remade(domain, entry) };
    },

    'handoff.stopWatching': async ({ domain }) => {
      await state.update((s) => {
        const { [domain]: _stopped, ...rest } = s.domains;
        return { domains: rest };
      });
      return watchState(domain);
    },
  };
}
