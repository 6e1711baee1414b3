/**
 * The few desktop facilities the services use, as plain interfaces. main.ts supplies Electron's
 * clipboard and notifications; tests supply the recording versions below.
 */
export interface ClipboardPort {
  writeText(text: string): void;
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

/** Remembers what was copied: tests read it, and nothing leaves the process. */
export function memoryClipboard(): ClipboardPort & { text: string | null } {
  const clip = {
    text: null as string | null,
    writeText(text: string) {
      clip.text = text;
    },
  };
  return clip;
}

export function recordingNotifier(): NotifierPort & { sent: Notification[] } {
  const sent: Notification[] = [];
  return { sent, notify: (n) => void sent.push(n) };
}
