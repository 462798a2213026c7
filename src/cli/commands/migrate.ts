import { type Command, exitCodes } from '../command.js';
import { withServer } from '../with-server.js';

export const migrateCommand: Command = {
  path: ['migrate'],
  operands: [],
  summary: 'Bring the database schema up to date',
  details: [
    'Runs the migrations the database has not had yet and prints each one. The server also does',
    'this when it starts; run it on its own to upgrade before starting several nodes.',
  ],
  options: {},
  async run(_args, io) {
    const ran = await withServer(
      io,
      async (server) => ({
        kind: server.databaseKind,
        names: await server.maintenance.migrate(),
      }),
      { migrate: false },
    );
    if (ran.names.length === 0) {
      io.stdout.write(`The ${ran.kind} database is up to date: no migration to run.\n`);
    } else {
      for (const name of ran.names) io.stdout.write(`Applied ${name}\n`);
      io.stdout.write(`The ${ran.kind} database is up to date (${ran.names.length} applied).\n`);
    }
    return exitCodes.ok;
  },
};
