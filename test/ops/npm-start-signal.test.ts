import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The process and every descendant, from `ps`: npm, the shell, tsx and node. */
function processTree(pid: number): number[] {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((row) => row.trim().split(/\s+/).map(Number) as [number, number]);
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of rows) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** True when something accepts connections on the port. */
const accepting = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function waitFor(condition: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('npm start', () => {
  let dataDir: string;
  let tree: number[] = [];
  let child: ChildProcess | undefined;
  afterEach(() => {
    for (const pid of tree.filter(alive)) process.kill(pid, 'SIGKILL');
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops the server on %s to npm: it finishes, frees the port and leaves no process',
    async (signal) => {
      dataDir = mkdtempSync(join(tmpdir(), 'twostep-npm-start-'));
      const port = await freePort();
      child = spawn(npm, ['start'], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'test',
          PORT: String(port),
          TWOSTEP_DATA_DIR: dataDir,
          TWOSTEP_DATABASE_URL: `sqlite:${join(dataDir, 'twostep.db')}`,
          TWOSTEP_LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      let terminal = '';
      child.stdout!.on('data', (chunk) => {
        output += String(chunk);
      });
      child.stderr!.on('data', (chunk) => {
        terminal += String(chunk);
      });
      const closed = once(child, 'close') as Promise<[number | null, string | null]>;
      const healthy = await waitFor(async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200;
        } catch {
          return false;
        }
      }, 30_000);
      expect(healthy).toBe(true);
      tree = processTree(child.pid!);
      // One line for the person at the terminal; stdout stays JSON lines for machines.
      expect(terminal).toContain(`Twostep is running at http://localhost:${port} — open it in your browser`);
      expect(terminal.endsWith('\n')).toBe(true);
      expect(output).not.toContain('open it in your browser');

      child.kill(signal);
      expect(await waitFor(async () => !(await accepting(port)), 5_000)).toBe(true);
      expect(await waitFor(() => tree.every((pid) => !alive(pid)), 5_000)).toBe(true);
      // It stopped by itself, after closing cleanly, and npm reports the server's success.
      expect((await closed)[0]).toBe(0);
      expect(output).toContain(`"signal":"${signal}","msg":"shutting down: finishing requests in flight"`);
      expect(output).toContain('"msg":"stopped"');
    },
    60_000,
  );
});
