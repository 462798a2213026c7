import { runCli } from './run-cli.js';

/** `twostep …` (bin/twostep.js): the operator CLI on the process's own streams and environment. */
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
