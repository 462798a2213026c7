import { type Command, exitCodes } from '../command.js';
import { withServer } from '../with-server.js';

export const keysRotateCommand: Command = {
  path: ['keys', 'rotate'],
  operands: [],
  summary: 'Re-seal the stored authenticator secrets under the current secret key',
  details: [
    'To replace the secret key:',
    '  1. Make a new key: openssl rand -hex 32',
    '  2. Set it as TWOSTEP_SECRET_KEY, move the old key to TWOSTEP_PREVIOUS_SECRET_KEYS',
    '     (comma-separated if there are several), on every node, and restart them.',
    '  3. Run this command with the same environment. It re-seals every authenticator secret',
    '     still sealed under an old key; a second run finds nothing left to do.',
    'Keep the old key in TWOSTEP_PREVIOUS_SECRET_KEYS while recovery codes made before the',
    'rotation are in use: only their hashes are stored, keyed with the old key, so they cannot',
    'be re-sealed. A user who makes new recovery codes gets them under the new key.',
  ],
  options: {},
  async run(_args, io) {
    const rotation = await withServer(io, (server) => server.maintenance.rotateSecretKeys());
    // An old key left out of the environment is the likely cause: say which variable to fix.
    if ('unopenable' in rotation) {
      throw new Error(
        `${rotation.unopenable}. Add the key it was sealed with to TWOSTEP_PREVIOUS_SECRET_KEYS and run this ` +
          'again; the secrets re-sealed so far stay re-sealed.',
      );
    }
    const { resealed, total } = rotation;
    io.stdout.write(`Re-sealed ${resealed} of ${total} secrets under the current key.\n`);
    return exitCodes.ok;
  },
};
