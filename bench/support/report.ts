import type { BenchRow } from '../bench-case.js';

const fixed = (n: number, digits: number) => n.toFixed(digits);
// In-process operations take microseconds: show three significant digits rather than "0.0".
const latency = (ms: number) => (ms > 0 && ms < 0.1 ? ms.toPrecision(3) : fixed(ms, 1));

/** The results as an aligned text table, with a line under it for every row that was not all 2xx. */
export function formatReport(rows: BenchRow[]): string {
  const headers = ['case', 'rate', 'p50 ms', 'p99 ms', 'total', 'non-2xx', 'errors', 'what'];
  const cells = rows.map((r) => [
    r.name,
    `${fixed(r.rate, r.rate < 100 ? 1 : 0)} ${r.unit}`,
    latency(r.p50Ms),
    latency(r.p99Ms),
    String(r.total),
    String(Object.values(r.non2xx).reduce((a, b) => a + b, 0)),
    String(r.errors),
    r.what,
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  // Numbers align right, words left.
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  const line = (c: string[]) =>
    c
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const problems = rows
    .filter((r) => Object.keys(r.non2xx).length > 0 || r.errors > 0)
    .map((r) => `! ${r.name}: statuses ${JSON.stringify(r.non2xx)}, ${r.errors} connection errors`);
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), ...problems, ''].join(
    '\n',
  );
}
