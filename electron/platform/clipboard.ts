/**
 * The clipboard port over Electron's clipboard. Plain text goes in as is; a secret (the SMTP
 * password) is marked so that clipboard history and cloud sync skip it where the system honours a
 * marker, and it does not stay: a minute later, and when the app quits, the clipboard is cleared if
 * it still holds exactly that secret. Whatever the person copied since is left alone.
 */
import type { App, Clipboard, ClipboardItem as ClipboardItemClass } from 'electron';
import type { ClipboardPort } from '../core/ports';

/** How long a copied secret stays on the clipboard. */
export const SECRET_CLIPBOARD_MS = 60_000;

/** A raw, platform-specific clipboard format, in Electron's custom-format notation. */
const osFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

/** A DWORD 0: "no" for the two Windows clipboard-history formats. */
const DWORD_ZERO = () => new Blob([new Uint8Array(4)]);

/**
 * The markers each system reads:
 * - Windows: ExcludeClipboardContentFromMonitorProcessing (any data: history, cloud clipboard and
 *   well-behaved clipboard monitors skip the entry), and the two documented DWORD flags
 *   CanIncludeInClipboardHistory = 0 and CanUploadToCloudClipboard = 0
 *   (learn.microsoft.com/windows/win32/dataxchg/clipboard-formats, "Cloud Clipboard and Clipboard
 *   History Formats");
 * - macOS: org.nspasteboard.ConcealedType (nspasteboard.org), honoured by clipboard managers and
 *   Universal Clipboard tools;
 * - Linux: x-kde-passwordManagerHint = secret, honoured by KDE's Klipper.
 */
export function secretMarkers(platform: NodeJS.Platform): Record<string, string | Blob> {
  if (platform === 'win32')
    return {
      [osFormat('ExcludeClipboardContentFromMonitorProcessing')]: DWORD_ZERO(),
      [osFormat('CanIncludeInClipboardHistory')]: DWORD_ZERO(),
      [osFormat('CanUploadToCloudClipboard')]: DWORD_ZERO(),
    };
  if (platform === 'darwin') return { [osFormat('org.nspasteboard.ConcealedType')]: '' };
  if (platform === 'linux') return { [osFormat('x-kde-passwordManagerHint')]: 'secret' };
  return {};
}

export interface ClipboardDeps {
  clipboard: Pick<Clipboard, 'write' | 'writeText' | 'readText' | 'clear'>;
  ClipboardItem: typeof ClipboardItemClass;
  platform: NodeJS.Platform;
  /** Injected so tests move time on without waiting. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  clearAfterMs?: number;
  log?: { info(message: string, fields?: object): void };
}

export interface AppClipboard extends ClipboardPort {
  /** True while a copied secret may still be on the clipboard. */
  readonly holdsSecret: boolean;
  /** Clears the clipboard now if it still holds the secret copied last; settles either way. */
  clearSecret(): Promise<void>;
}

export function createClipboard(deps: ClipboardDeps): AppClipboard {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  const clearAfterMs = deps.clearAfterMs ?? SECRET_CLIPBOARD_MS;
  /** The secret copied last, while it may still be on the clipboard. */
  let secret: string | null = null;
  let timer: unknown = null;

  async function clearSecret(): Promise<void> {
    const copied = secret;
    secret = null;
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (copied === null) return;
    try {
      if ((await deps.clipboard.readText()) === copied) {
        deps.clipboard.clear();
        deps.log?.info('clipboard: the copied secret was cleared');
      }
    } catch {
      // Unreadable: leave the clipboard as it is rather than risk wiping what the person copied.
    }
  }

  return {
    get holdsSecret() {
      return secret !== null;
    },
    writeText(text) {
      void deps.clipboard.writeText(text).catch(() => undefined);
    },
    writeSecret(text) {
      if (timer !== null) clearTimer(timer);
      secret = text;
      const item = new deps.ClipboardItem({ 'text/plain': text, ...secretMarkers(deps.platform) });
      // One write, so the markers and the text reach the clipboard together (never the text alone).
      void deps.clipboard.write([item]).catch(() => undefined);
      timer = setTimer(() => void clearSecret(), clearAfterMs);
    },
    clearSecret,
  };
}

/**
 * Clears a secret still on the clipboard when the app quits: quitting waits for the check (at most
 * `waitMs`), then goes on.
 */
export function clearClipboardOnQuit(
  app: Pick<App, 'on' | 'quit'>,
  clipboard: AppClipboard,
  options: { setTimer?: (fn: () => void, ms: number) => unknown; waitMs?: number } = {},
): void {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  app.on('will-quit', (event) => {
    if (!clipboard.holdsSecret) return;
    event.preventDefault();
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      app.quit();
    };
    setTimer(go, options.waitMs ?? 1_000);
    void clipboard.clearSecret().finally(go);
  });
}
