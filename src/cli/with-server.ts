import type { DestinationStream } from 'pino';
import { composeServer, createLogger } from '../compose.js';
import { loadConfig } from '../config.js';
import type { CliIo } from './command.js';

export type ComposedServer = Awaited<ReturnType<typeof composeServer>>;

/**
 * Builds the server's dependencies from the same environment as `serve` (so the same database),
 * runs `work`, and closes the database whatever happens. Logs go to stderr: stdout is the
 * command's answer, fit for a pipe.
 */
export async function withServer<T>(
  io: CliIo,
  work: (server: ComposedServer) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig(io.env);
  const logger = createLogger(config.logLevel, io.stderr as DestinationStream);
  const server = await composeServer(config, { logger, migrate: options.migrate ?? true });
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}
