/**
 * Asks for a secret on a terminal without echoing it: the terminal is put in raw mode, so what is
 * typed or pasted never appears on screen, in the scrollback or in a screen recording. Enter ends
 * the line; Backspace and Ctrl+U edit it; Ctrl+C, or Ctrl+D on an empty line, cancels.
 */
import { StringDecoder } from 'node:string_decoder';

/** The part of a tty.ReadStream the prompt uses (a fake one in tests). */
export interface TtyInput {
  readonly isTTY?: boolean;
  isRaw?: boolean;
  setRawMode(mode: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'end' | 'close', listener: () => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface PromptOutput {
  write(text: string): unknown;
}

// Escape sequences a terminal sends for arrow keys, function keys and bracketed paste: ignored.
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/g;

/** Resolves what was typed (without the Enter), or null when the person cancelled. */
export function promptHidden(
  question: string,
  input: TtyInput,
  output: PromptOutput,
): Promise<string | null> {
  return new Promise((resolve) => {
    const decoder = new StringDecoder('utf8');
    const wasRaw = Boolean(input.isRaw);
    let typed = '';
    let settled = false;

    const finish = (value: string | null) => {
      if (settled) return;
      settled = true;
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('close', onEnd);
      input.setRawMode(wasRaw);
      input.pause();
      // The cursor is still on the prompt's line: move on, so what follows starts on its own.
      output.write('\n');
      resolve(value);
    };
    const onEnd = () => finish(typed.length ? typed : null);
    const onData = (chunk: Buffer | string) => {
      const text = (typeof chunk === 'string' ? chunk : decoder.write(chunk)).replace(ESCAPE_SEQUENCE, '');
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') return finish(typed);
        if (ch === '\u0003') return finish(null); // Ctrl+C
        if (ch === '\u0004') {
          // Ctrl+D: ends the input like Enter, or cancels on an empty line.
          return finish(typed.length ? typed : null);
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch === '\u0015')
          typed = ''; // Ctrl+U
        else if (ch >= ' ') typed += ch;
      }
    };

    // Raw (no echo) before the question appears: keys typed the moment it shows are never echoed.
    input.setRawMode(true);
    output.write(question);
    input.on('data', onData);
    input.on('end', onEnd);
    input.on('close', onEnd);
    input.resume();
  });
}
