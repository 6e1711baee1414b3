/**
 * The hidden prompt of `ses-assistant smtp-password` on a terminal. The prompt function against a
 * fake TTY stream (raw mode on while asking and restored after, nothing echoed, editing keys), and
 * the real binary in a pseudo-terminal made by util-linux `script`: the secret typed is not shown.
 */
import { spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { promptHidden, type TtyInput } from '../../../cli/prompt';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PASSWORD = 'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9';

class FakeTty extends EventEmitter implements TtyInput {
  readonly isTTY = true;
  isRaw = false;
  modes: boolean[] = [];
  flowing = false;
  setRawMode(mode: boolean) {
    this.isRaw = mode;
    this.modes.push(mode);
    return this;
  }
  resume() {
    this.flowing = true;
    return this;
  }
  pause() {
    this.flowing = false;
    return this;
  }
  type(text: string) {
    this.emit('data', Buffer.from(text, 'utf8'));
  }
}

function ask() {
  const input = new FakeTty();
  let shown = '';
  const answer = promptHidden('Secret: ', input, { write: (t: string) => void (shown += t) });
  return { input, answer, shown: () => shown };
}

describe('promptHidden', () => {
  it('reads a pasted secret in raw mode, echoes nothing of it, and restores the terminal', async () => {
    const { input, answer, shown } = ask();
    expect(input.isRaw).toBe(true);
    expect(input.flowing).toBe(true);
    input.type(`${SECRET}\r`);
    await expect(answer).resolves.toBe(SECRET);
    expect(shown()).toBe('Secret: \n');
    expect(input.modes).toEqual([true, false]);
    expect(input.flowing).toBe(false);
    expect(input.listenerCount('data')).toBe(0);
  });

  it('takes keys one at a time, with Backspace, Ctrl+U and arrow keys (ignored)', async () => {
    const { input, answer } = ask();
    for (const key of [
      'x',
      'y',
      '\u0015',
      'a',
      'b',
      'Z',
      '\u007f',
      '\u001b[D',
      'c',
      '\u001b[200~d\u001b[201~',
      '\n',
    ])
      input.type(key);
    await expect(answer).resolves.toBe('abcd');
  });

  it('a multi-byte character split across two reads arrives whole', async () => {
    const { input, answer } = ask();
    const bytes = Buffer.from('é\r', 'utf8');
    input.emit('data', bytes.subarray(0, 1));
    input.emit('data', bytes.subarray(1));
    await expect(answer).resolves.toBe('é');
  });

  it('Ctrl+C, or Ctrl+D on an empty line, cancels; and raw mode is restored', async () => {
    for (const key of ['\u0003', '\u0004']) {
      const { input, answer } = ask();
      input.type(`ab${key === '\u0004' ? '\u0015' : ''}${key}`);
      await expect(answer).resolves.toBeNull();
      expect(input.isRaw).toBe(false);
    }
  });

  it('ends with what was typed when the input closes', async () => {
    const { input, answer } = ask();
    input.type('abc');
    input.emit('end');
    await expect(answer).resolves.toBe('abc');
  });
});

const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;

/** Runs the bin in a pseudo-terminal, types `keys` once the prompt is shown, returns all it printed. */
function inTerminal(args: string, keys: string): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    // -q quiet, -f flush, -e the command's exit code, -c the command; the typescript goes nowhere.
    const child = spawn(
      'script',
      ['-qfec', `${process.execPath} bin/ses-assistant.mjs ${args}`, '/dev/null'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    let screen = '';
    let typed = false;
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      // Typed only once the prompt is up, so the terminal is already in raw mode (no echo).
      if (!typed && screen.includes('not shown')) {
        typed = true;
        child.stdin.write(keys);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, screen }));
    setTimeout(() => child.kill(), 20_000).unref();
  });
}

describe.runIf(hasScript)('smtp-password in a pseudo-terminal (util-linux script)', () => {
  it('asks for the secret without showing it, then prints the password', async () => {
    const { code, screen } = await inTerminal('smtp-password --region us-east-1', `${SECRET}\r`);
    expect(code).toBe(0);
    expect(screen).toContain('Secret access key (typing is not shown): ');
    expect(screen).toContain(PASSWORD);
    expect(screen).not.toContain(SECRET);
    expect(screen).not.toContain('wJalr');
    expect(screen).not.toMatch(/secret\.txt/);
  }, 30_000);

  it('Ctrl+C at the prompt cancels with exit 1, without showing what was typed', async () => {
    const { code, screen } = await inTerminal('smtp-password --region us-east-1 --json', 'wJalrXU\u0003');
    expect(code).toBe(1);
    expect(screen).toContain('"code":"CANCELLED"');
    expect(screen).not.toContain('wJalrXU');
  }, 30_000);
});

describe.skipIf(hasScript)('smtp-password in a pseudo-terminal', () => {
  it('did not run: util-linux `script` is missing (apt-get install util-linux)', () => {
    expect(hasScript).toBe(false);
  });
});
