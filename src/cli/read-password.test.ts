import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Interrupted, UsageError } from './command.js';
import { promptHidden, readPasswordFromStdin } from './read-password.js';

/** A terminal stand-in: a stream that says it is a TTY and records raw-mode switches. */
function fakeTerminal() {
  const rawModes: boolean[] = [];
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (mode: boolean) => rawModes.push(mode),
  });
  let shown = '';
  const stderr = { write: (text: string) => (shown += text) };
  return { stdin, stderr, rawModes, shown: () => shown };
}

describe('promptHidden', () => {
  it('reads a line with echo off, honouring backspace, and restores the terminal', async () => {
    const terminal = fakeTerminal();
    const answer = promptHidden(terminal, 'Password: ');
    terminal.stdin.write('a calm lakx\u007fe at dawn\r');
    expect(await answer).toBe('a calm lake at dawn');
    expect(terminal.shown()).toBe('Password: \n');
    expect(terminal.rawModes).toEqual([true, false]);
  });

  it('cancels on Ctrl-C', async () => {
    const terminal = fakeTerminal();
    const answer = promptHidden(terminal, 'Password: ');
    terminal.stdin.write('secr\u0003');
    await expect(answer).rejects.toBeInstanceOf(Interrupted);
    expect(terminal.rawModes).toEqual([true, false]);
  });
});

describe('readPasswordFromStdin', () => {
  it('drops one trailing newline and keeps spaces', async () => {
    expect(await readPasswordFromStdin(Readable.from([' two words \r\n']))).toBe(' two words ');
    expect(await readPasswordFromStdin(Readable.from([Buffer.from('pässword')]))).toBe('pässword');
  });

  it('refuses empty, multi-line and oversized input', async () => {
    await expect(readPasswordFromStdin(Readable.from(['\n']))).rejects.toBeInstanceOf(UsageError);
    await expect(readPasswordFromStdin(Readable.from(['one\ntwo\n']))).rejects.toThrow(/one line/);
    await expect(readPasswordFromStdin(Readable.from(['x'.repeat(5000)]))).rejects.toThrow(/too long/);
  });
});
