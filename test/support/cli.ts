import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import type { CliIo } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/run-cli.js';
import { composeServer } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';

export type CliOutcome = { code: number; stdout: string; stderr: string };
export type ComposedServer = Awaited<ReturnType<typeof composeServer>>;

/** A CLI run on buffers: what the operator would see on stdout and stderr, and the exit code. */
export async function runOnBuffers(
  argv: string[],
  env: NodeJS.ProcessEnv,
  stdinText = '',
): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([stdinText]),
    env,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** The server on `env`'s data directory, for one piece of work, then closed. */
export async function withServerOn<T>(
  env: NodeJS.ProcessEnv,
  work: (server: ComposedServer) => Promise<T>,
  overrides: { migrate?: boolean } = {},
): Promise<T> {
  const server = await composeServer(loadConfig(env), overrides);
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}

/**
 * A data directory of its own for every test in the calling describe block, removed after the test,
 * with the CLI and the server both pointed at it. `env` is the current test's environment.
 */
export function cliWorkspace(prefix: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const workspace = {
    env: {} as NodeJS.ProcessEnv,
    /** Runs `twostep ...argv` on this test's data directory, with `stdinText` typed in. */
    run: (argv: string[], stdinText = '') => runOnBuffers(argv, workspace.env, stdinText),
    /** Opens the same database the CLI used, without migrating it, for one look. */
    withServer: <T>(work: (server: ComposedServer) => Promise<T>) =>
      withServerOn(workspace.env, work, { migrate: false }),
  };
  beforeEach(() => {
    workspace.env = {
      NODE_ENV: 'test',
      TWOSTEP_DATA_DIR: mkdtempSync(join(tmpdir(), prefix)),
      TWOSTEP_LOG_LEVEL: 'silent',
      ...extraEnv,
    };
  });
  afterEach(() => rmSync(workspace.env.TWOSTEP_DATA_DIR!, { recursive: true, force: true }));
  return workspace;
}
