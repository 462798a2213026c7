import { createAccount } from '../../app/accounts/create-account.js';
import { isPlausibleEmail } from '../../core/accounts/email.js';
import { DomainError } from '../../core/errors.js';
import { type CliIo, type Command, cliContext, exitCodes, UsageError } from '../command.js';
import { promptHidden, readPasswordFromStdin } from '../read-password.js';
import { withServer } from '../with-server.js';

export const userAddCommand: Command = {
  path: ['user', 'add'],
  operands: ['EMAIL'],
  summary: 'Create an account, even when sign-up is closed',
  details: [
    'Asks for the password twice on a terminal, without showing it. From a script, pipe it in',
    'with --password-stdin: a password on the command line would be visible to every user of',
    'the machine. The password policy of sign-up applies.',
  ],
  options: {
    'password-stdin': { type: 'boolean', description: 'Read the password from standard input (one line)' },
  },
  async run({ values, positionals }, io) {
    const email = positionals[0]!.trim();
    if (!isPlausibleEmail(email)) throw new UsageError(`Not an e-mail address: ${email}`);
    return withServer(io, async ({ deps }) => {
      // Checked first so the operator is not asked for a password in vain. Sign-up's "same
      // answer either way" protects against strangers, not against the operator.
      if (await deps.store.users.findByEmail(email))
        throw new DomainError('conflict', `${email} already has an account.`);
      const password = await askPassword(io, email, values['password-stdin'] === true);
      const account = await createAccount(deps, {
        email,
        password,
        context: cliContext,
        bypassSignupClosed: true,
      });
      io.stdout.write(`Created the account ${account.email} (id ${account.id}).\n`);
      return exitCodes.ok;
    });
  },
};

async function askPassword(io: CliIo, email: string, fromStdin: boolean): Promise<string> {
  if (fromStdin || !io.stdin.isTTY) return readPasswordFromStdin(io.stdin);
  const password = await promptHidden(io, `Password for ${email}: `);
  const again = await promptHidden(io, 'The same password again: ');
  if (password !== again) throw new Error('The two passwords differ; nothing was created.');
  return password;
}
