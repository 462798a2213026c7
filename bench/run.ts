import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { owaspArgon2 } from '../src/adapters/crypto/argon2-hasher.js';
import type { BenchRow } from './bench-case.js';
import { benchCases } from './cases/index.js';
import { startBenchServer } from './support/bench-server.js';
import { formatReport } from './support/report.js';

const usage = `Usage: npm run bench -- [CASE …] [--seconds N] [--connections N]

Cases: ${benchCases.map((c) => `\n  ${c.name.padEnd(8)} ${c.summary}`).join('')}

Without CASE, all run in that order. Results: a table here and bench/results/latest.json.
`;

const { values, positionals } = parseArgs({
  options: {
    seconds: { type: 'string', default: '6' },
    connections: { type: 'string', default: '16' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: true,
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const unknown = positionals.filter((name) => !benchCases.some((c) => c.name === name));
if (values.help || unknown.length || !(seconds >= 1 && seconds <= 60) || !(connections >= 1)) {
  if (unknown.length) console.error(`Unknown case: ${unknown.join(', ')}\n`);
  (values.help ? console.log : console.error)(usage);
  process.exit(values.help ? 0 : 2);
}

const chosen = positionals.length ? benchCases.filter((c) => positionals.includes(c.name)) : benchCases;
const machine = {
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  uvThreadpoolSize: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
};
console.log(
  `Twostep bench: ${chosen.map((c) => c.name).join(', ')}; ${seconds} s each, ${connections} connections; ` +
    `${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}; argon2id m=${owaspArgon2.memoryCost} KiB, ` +
    `t=${owaspArgon2.timeCost}, p=${owaspArgon2.parallelism}\n`,
);

const server = await startBenchServer();
const rows: BenchRow[] = [];
try {
  for (const benchCase of chosen) {
    process.stdout.write(`running ${benchCase.name} …\n`);
    rows.push(...(await benchCase.run({ server, seconds, connections })));
  }
} finally {
  await server.close();
}

console.log(`\n${formatReport(rows)}`);
const resultsDir = new URL('./results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
const report = {
  at: new Date().toISOString(),
  machine,
  database: server.databaseKind,
  argon2: { algorithm: 'argon2id', ...owaspArgon2 },
  settings: { seconds, connections },
  results: rows,
};
writeFileSync(new URL('latest.json', resultsDir), `${JSON.stringify(report, null, 2)}\n`);
console.log('Written to bench/results/latest.json');
// A measurement with refusals or broken connections measured something else: say so in the exit code.
if (rows.some((r) => Object.keys(r.non2xx).length > 0 || r.errors > 0)) process.exitCode = 1;
