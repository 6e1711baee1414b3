/**
 * The save port over Electron's save dialog: the person chooses where the file goes (their
 * Documents folder is offered), and only then is it written. Nothing is written when they cancel.
 */
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import type { SaveFileKind, SaveFilePort } from '../core/ports';

const FILTERS: Record<SaveFileKind, SaveDialogOptions['filters']> = {
  text: [{ name: 'Text', extensions: ['txt'] }],
  html: [{ name: 'Web page', extensions: ['html'] }],
};

export interface SaveFileDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The folder offered first. */
  defaultDir: () => string;
  /** The window the dialog belongs to (modal to it), when there is one. */
  window: () => BrowserWindow | null;
  writeFile: (path: string, content: string) => Promise<void>;
  joinPath: (dir: string, name: string) => string;
}

/** Only a plain file name is suggested: no folder part can ride in on it. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not pass
  const plain = name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '-').replace(/^\.+/, '');
  return plain.slice(0, 120) || 'file';
}

export function createSaveFile(deps: SaveFileDeps): SaveFilePort {
  return {
    async save(suggestedName, content, kind) {
      const options: SaveDialogOptions = {
        title: 'Save',
        defaultPath: deps.joinPath(deps.defaultDir(), safeFileName(suggestedName)),
        filters: FILTERS[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = deps.window();
      const chosen = window
        ? await deps.dialog.showSaveDialog(window, options)
        : await deps.dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return null;
      await deps.writeFile(chosen.filePath, content);
      return chosen.filePath;
    },
  };
}
