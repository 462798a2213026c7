import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { startCleanupJob } from './app/maintenance/cleanup-job.js';
import { startReminderJob } from './app/policy/reminder-job.js';
import { startAdoptionSnapshots } from './app/reports/adoption-snapshot-job.js';
import { startResetJob } from './app/support/reset-job.js';
import { welcomeLine } from './cli/welcome.js';
import { composeServer } from './compose.js';
import { ConfigError, loadConfig } from './config.js';

/** `npm start`: config → server → listen; stops cleanly on SIGTERM/SIGINT. */
export async function startServer(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const server = await composeServer(config);
  const { logger } = server;
  const jobs = [
    startReminderJob(server.deps, logger),
    startResetJob(server.deps, logger),
    startAdoptionSnapshots(server.deps, logger),
    startCleanupJob(server.deps, logger),
    server.startDeliveryJob(),
  ];
  const listener = serve({ fetch: server.app.fetch, port: config.port }, (info) => {
    logger.info(
      {
        port: info.port,
        database: server.databaseKind,
        outbox: config.devOutbox,
        publicUrl: config.publicUrl,
      },
      `Twostep is listening on ${config.publicUrl}${config.devOutbox ? ` (development outbox: ${config.publicUrl}/dev/outbox)` : ''}`,
    );
    // stdout stays JSON for log collectors; the person who typed `npm start` reads stderr.
    process.stderr.write(welcomeLine(config.publicUrl, config.devOutbox));
  });
  const metricsListener =
    config.metricsPort === null
      ? null
      : serve({ fetch: server.metrics.app.fetch, port: config.metricsPort }, (info) =>
          logger.info({ metricsPort: info.port }, `metrics are served on port ${info.port}`),
        );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    metricsListener?.close();
    listener.close(async () => {
      for (const job of jobs) await job.stop();
      await server.close();
      logger.info('stopped');
      process.exit(0);
    });
    // A keep-alive client must not hold the process forever.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// Run directly (`npm start` execs `node --import tsx src/main.ts`, so signals reach this process).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await startServer();
