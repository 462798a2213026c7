import { type CliIo, Interrupted, UsageError } from './command.js';

// A password is at most 256 characters after normalization; 4 KiB leaves room for any encoding.
const maxInputBytes = 4096;

/**
 * The password from standard input, for scripts: `printf '%s\n' "$PW" | twostep user add …`. One
 * trailing newline is dropped and nothing else: spaces belong to the password.
 */
export async function readPasswordFromStdin(stdin: CliIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += bytes.length;
    if (size > maxInputBytes) throw new UsageError('The password on standard input is too long.');
    chunks.push(bytes);
  }
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password === '') throw new UsageError('No password on standard input.');
  if (/[\r\n]/.test(password)) throw new UsageError('The password on standard input must be one line.');
  return password;
}

/**
 * Asks on the terminal with echo off (raw mode), so the password is neither shown nor left in the
 * scrollback. Backspace and Ctrl-U edit; Ctrl-C cancels.
 */
export function promptHidden(io: Pick<CliIo, 'stdin' | 'stderr'>, prompt: string): Promise<string> {
  const { stdin, stderr } = io;
  stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string | Buffer) => {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') return finish(() => resolve(value));
        if (char === '\u0003' || (char === '\u0004' && value === '')) {
          return finish(() => reject(new Interrupted('Cancelled.')));
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char === '\u0015') value = '';
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
  });
}
