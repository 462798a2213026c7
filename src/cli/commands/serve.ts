import { startServer } from '../../main.js';
import { type Command, exitCodes } from '../command.js';

export const serveCommand: Command = {
  path: ['serve'],
  operands: [],
  summary: 'Start the server (the same as npm start)',
  details: [
    'Starts Twostep with the configuration in the environment, brings the database up to date,',
    'and listens on PORT. SIGTERM or SIGINT stops it after the requests in flight are answered.',
  ],
  options: {},
  async run() {
    await startServer();
    return exitCodes.ok;
  },
};
