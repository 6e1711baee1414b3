/**
 * The clipboard port over (a fake of) Electron's clipboard: a copied secret carries the markers that
 * keep it out of clipboard history and cloud sync, and it does not stay: cleared a minute later, or
 * at quit, when the clipboard still holds exactly it, never when the person copied something since.
 * Time is an injected scheduler, moved on by hand: no test sleeps.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronMock, createFakeClipboard, FakeClipboardItem } from './electron-mock';
import { buildTestApp } from '../support/assistant';

const electron = createElectronMock();
vi.mock('electron', () => electron);

const { clearClipboardOnQuit, createClipboard, SECRET_CLIPBOARD_MS } =
  await import('../../electron/platform/clipboard');

const SMTP_PASSWORD = 'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9';
const OS = (name: string) => `electron application/osclipboard;format="${name}"`;

/** A scheduler whose time moves only when the test says so. */
function manualTimers() {
  let now = 0;
  let tasks: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      tasks.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id: unknown) => void (tasks = tasks.filter((t) => t.id !== id)),
    async advance(ms: number) {
      now += ms;
      const due = tasks.filter((t) => t.at <= now);
      tasks = tasks.filter((t) => t.at > now);
      for (const t of due) t.fn();
      // The clear reads the clipboard first (a promise): let it finish.
      await new Promise((r) => setImmediate(r));
    },
    get pending() {
      return tasks.length;
    },
  };
}

let clip: ReturnType<typeof createFakeClipboard>;
let timers: ReturnType<typeof manualTimers>;

function port(platform: NodeJS.Platform = 'linux') {
  return createClipboard({
    clipboard: clip as never,
    ClipboardItem: FakeClipboardItem as never,
    platform,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
}

async function bytesOf(payload: unknown): Promise<number[]> {
  return [...new Uint8Array(await (payload as Blob).arrayBuffer())];
}

beforeEach(() => {
  clip = createFakeClipboard();
  timers = manualTimers();
});

describe('copying a secret', () => {
  it('on Windows writes the text with ExcludeClipboardContentFromMonitorProcessing, CanIncludeInClipboardHistory=0 and CanUploadToCloudClipboard=0, in one write', async () => {
    port('win32').writeSecret(SMTP_PASSWORD);
    expect(clip.write).toHaveBeenCalledTimes(1);
    expect(clip.writeText).not.toHaveBeenCalled();
    const [item] = clip.writes[0]!;
    expect(item!.items['text/plain']).toBe(SMTP_PASSWORD);
    expect(item!.types.sort()).toEqual(
      [
        'text/plain',
        OS('ExcludeClipboardContentFromMonitorProcessing'),
        OS('CanIncludeInClipboardHistory'),
        OS('CanUploadToCloudClipboard'),
      ].sort(),
    );
    // The two documented flags are DWORD 0: "do not keep in history", "do not upload".
    expect(await bytesOf(item!.items[OS('CanIncludeInClipboardHistory')])).toEqual([0, 0, 0, 0]);
    expect(await bytesOf(item!.items[OS('CanUploadToCloudClipboard')])).toEqual([0, 0, 0, 0]);
  });

  it('on macOS marks it org.nspasteboard.ConcealedType', () => {
    port('darwin').writeSecret(SMTP_PASSWORD);
    const [item] = clip.writes[0]!;
    expect(item!.types).toEqual(['text/plain', OS('org.nspasteboard.ConcealedType')]);
  });

  it('is cleared after 60 s when the clipboard still holds exactly it', async () => {
    expect(SECRET_CLIPBOARD_MS).toBe(60_000);
    const p = port();
    p.writeSecret(SMTP_PASSWORD);
    expect(clip.text).toBe(SMTP_PASSWORD);
    await timers.advance(59_999);
    expect(clip.text).toBe(SMTP_PASSWORD);
    expect(clip.clear).not.toHaveBeenCalled();
    await timers.advance(1);
    expect(clip.clear).toHaveBeenCalledTimes(1);
    expect(clip.text).toBe('');
    expect(p.holdsSecret).toBe(false);
  });

  it('never clears what the person copied since', async () => {
    const p = port();
    p.writeSecret(SMTP_PASSWORD);
    clip.text = 'an address the person copied in another app';
    await timers.advance(60_000);
    expect(clip.clear).not.toHaveBeenCalled();
    expect(clip.text).toBe('an address the person copied in another app');
    expect(p.holdsSecret).toBe(false);
  });

  it('a second copy restarts the minute, and leaves one timer', async () => {
    const p = port();
    p.writeSecret(SMTP_PASSWORD);
    await timers.advance(30_000);
    p.writeSecret(SMTP_PASSWORD);
    expect(timers.pending).toBe(1);
    await timers.advance(30_000);
    expect(clip.clear).not.toHaveBeenCalled();
    await timers.advance(30_000);
    expect(clip.clear).toHaveBeenCalledTimes(1);
  });

  it('plain text is copied as text, without markers or a timer', () => {
    port('win32').writeText('email-smtp.eu-west-1.amazonaws.com');
    expect(clip.writeText).toHaveBeenCalledWith('email-smtp.eu-west-1.amazonaws.com');
    expect(clip.write).not.toHaveBeenCalled();
    expect(timers.pending).toBe(0);
  });
});

describe('quitting', () => {
  function fakeApp() {
    return Object.assign(new EventEmitter(), { quit: vi.fn() });
  }
  const willQuit = (app: EventEmitter) => {
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
    app.emit('will-quit', event);
    return event.prevented;
  };

  it('clears a secret still on the clipboard, then lets the app quit', async () => {
    const app = fakeApp();
    const p = port();
    clearClipboardOnQuit(app as never, p, { setTimer: timers.setTimer });
    p.writeSecret(SMTP_PASSWORD);
    expect(willQuit(app)).toBe(true); // held for the check
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(clip.text).toBe('');
    expect(willQuit(app)).toBe(false); // the second round goes through
  });

  it('leaves something else the person copied, and does not hold a quit with no secret copied', async () => {
    const app = fakeApp();
    const p = port();
    clearClipboardOnQuit(app as never, p, { setTimer: timers.setTimer });
    expect(willQuit(app)).toBe(false);
    p.writeSecret(SMTP_PASSWORD);
    clip.text = 'copied since';
    expect(willQuit(app)).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(clip.text).toBe('copied since');
    expect(clip.clear).not.toHaveBeenCalled();
  });

  it('quits anyway when the clipboard does not answer', async () => {
    const app = fakeApp();
    clip.readText.mockImplementation(() => new Promise<string>(() => undefined));
    const p = port();
    clearClipboardOnQuit(app as never, p, { setTimer: timers.setTimer, waitMs: 1_000 });
    p.writeSecret(SMTP_PASSWORD);
    expect(willQuit(app)).toBe(true);
    await timers.advance(1_000);
    expect(app.quit).toHaveBeenCalledTimes(1);
  });
});

describe('the SMTP password copied through the router', () => {
  // Needs smtp.copy to call ctx.clipboard.writeSecret for the password (features/sending/smtp-handlers.ts).
  it('goes to the clipboard as a secret: marked, and cleared a minute later', async () => {
    const app = await buildTestApp({ endpoint: 'http://127.0.0.1:9' });
    const p = port('win32');
    // The context's clipboard, as main.ts supplies it.
    Object.assign(app.assistant.context, { clipboard: p });
    await app.assistant.context.vault.saveKeys('p1', {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    await app.settings.update((s) => ({
      ...s,
      profiles: [
        {
          id: 'p1',
          label: 'sender',
          credentialKind: 'long-term',
          accessKeyIdMasked: 'AKIA…MPLE',
          accountId: '123456789012',
          arn: 'arn:aws:iam::123456789012:user/sender',
          region: 'us-east-1',
          connectedAt: '2026-11-01T00:00:00.000Z',
        },
      ],
      activeProfileId: 'p1',
    }));
    expect(await app.router.invoke('smtp.copy', { what: 'password', profileId: 'p1' })).toEqual({
      ok: true,
      value: { copied: true },
    });
    expect(clip.text).toBe(SMTP_PASSWORD);
    expect(clip.formats).toContain(OS('ExcludeClipboardContentFromMonitorProcessing'));
    await timers.advance(60_000);
    expect(clip.text).toBe('');

    // The user name is not a secret: plain text, left on the clipboard.
    await app.router.invoke('smtp.copy', { what: 'userName', profileId: 'p1' });
    expect(clip.text).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(timers.pending).toBe(0);
  });
});
