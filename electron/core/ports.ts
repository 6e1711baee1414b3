/**
 * The few desktop facilities the services use, as plain interfaces. main.ts supplies Electron's
 * clipboard and notifications; tests supply the recording versions below.
 */
export interface ClipboardPort {
  writeText(text: string): void;
  /**
   * Copies a secret (an SMTP password): marked, where the system allows, so that clipboard
   * history and cloud sync skip it, and cleared after a minute, or at quit, if the clipboard still
   * holds exactly that secret (something the person copied since is never touched).
   */
  writeSecret(text: string): void;
}

/** Opens a link in the person's browser; main.ts passes only allow-listed https hosts on (platform/origin.ts). */
export interface OpenExternalPort {
  /** false when the link was refused. */
  open(url: string): boolean;
}

/** Remembers the links asked for: tests read them, and no browser opens. */
export function recordingLinks(): OpenExternalPort & { opened: string[] } {
  const opened: string[] = [];
  return { opened, open: (url) => (opened.push(url), true) };
}

export interface Notification {
  title: string;
  body: string;
  /** The screen a click on the notification opens. */
  openStep?: string;
}

export interface NotifierPort {
  notify(notification: Notification): void;
}

/** Remembers what was copied, and whether as a secret: tests read it, and nothing leaves the process. */
export function memoryClipboard(): ClipboardPort & { text: string | null; secret: boolean } {
  const clip = {
    text: null as string | null,
    secret: false,
    writeText(text: string) {
      clip.text = text;
      clip.secret = false;
    },
    writeSecret(text: string) {
      clip.text = text;
      clip.secret = true;
    },
  };
  return clip;
}

export function recordingNotifier(): NotifierPort & { sent: Notification[] } {
  const sent: Notification[] = [];
  return { sent, notify: (n) => void sent.push(n) };
}

/** What a saved file holds: it decides the file-type filter the save dialog offers. */
export type SaveFileKind = 'text' | 'html';

/** Saves a file where the person chooses (a save dialog in the app). */
export interface SaveFilePort {
  /** The path written, or null when the person cancelled. */
  save(suggestedName: string, content: string, kind: SaveFileKind): Promise<string | null>;
}

/** Remembers what would have been saved: tests read it, and no dialog opens and no file is written. */
export function recordingSaveFile(
  answer: (suggestedName: string) => string | null = (name) => `/saved/${name}`,
): SaveFilePort & {
  saved: { suggestedName: string; content: string; kind: SaveFileKind; path: string | null }[];
} {
  const saved: { suggestedName: string; content: string; kind: SaveFileKind; path: string | null }[] = [];
  return {
    saved,
    async save(suggestedName, content, kind) {
      const path = answer(suggestedName);
      saved.push({ suggestedName, content, kind, path });
      return path;
    },
  };
}
