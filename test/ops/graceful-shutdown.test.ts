import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

type LogEntry = Record<string, unknown>;

/** Collects a process's JSON log lines from stdout; `next(match)` waits for one that matches. */
function jsonLog(child: ChildProcess) {
  const lines: LogEntry[] = [];
  const waiting = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(JSON.parse(line));
    for (const wake of waiting) wake();
  });
  const next = (match: (entry: LogEntry) => boolean) =>
    new Promise<LogEntry>((resolve, reject) => {
      const check = () => {
        const found = lines.find(match);
        if (found) {
          waiting.delete(check);
          resolve(found);
        }
      };
      waiting.add(check);
      check();
      child.once('exit', (code) => reject(new Error(`exited with ${code}; log: ${JSON.stringify(lines)}`)));
    });
  return { lines, next };
}

describe('twostep serve', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves, then on SIGTERM finishes, logs "stopped" and exits 0', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'twostep-serve-'));
    child = spawn(process.execPath, [join(root, 'bin', 'twostep.js'), 'serve'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: '0',
        TWOSTEP_DATA_DIR: dataDir,
        TWOSTEP_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const log = jsonLog(child);
    // 'close', not 'exit': the last log lines may still be in the pipe when the process exits.
    const exited = new Promise<number | null>((resolve) => child!.once('close', (code) => resolve(code)));

    const listening = await log.next((entry) => typeof entry.port === 'number');
    expect(listening.port).toBeGreaterThan(0);
    const health = await fetch(`http://127.0.0.1:${listening.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const signalled = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Under the 10 s hard stop: the exit came from closing cleanly, not from the timer.
    expect(Date.now() - signalled).toBeLessThan(8_000);
    const messages = log.lines.map((entry) => entry.msg);
    expect(messages).toContain('shutting down: finishing requests in flight');
    expect(messages.at(-1)).toBe('stopped');
  });
});
