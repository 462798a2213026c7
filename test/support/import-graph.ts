import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { transformSync } from 'esbuild';

/** One import of one file: `target` is a repository path for relative imports, else the package or builtin. */
export interface ImportEdge {
  from: string;
  specifier: string;
  target: string;
  relative: boolean;
  /** False when a relative import names no source file, or a dynamic import has no literal specifier. */
  resolved: boolean;
}

/** Every non-test TypeScript source under `dir`, as sorted repository paths with forward slashes. */
export function sourceFiles(dir: string): string[] {
  const found = readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
  return found.sort();
}

/**
 * The specifiers a TypeScript or TSX module imports: static imports, `export … from`, dynamic
 * `import('…')` with a literal, and type-only imports. A dynamic import without a literal
 * specifier yields `undefined`, so the caller can refuse it.
 */
export async function importSpecifiers(source: string, fileName: string): Promise<(string | undefined)[]> {
  await init;
  const javascript = transformSync(keepTypeOnlyImports(source), {
    loader: fileName.endsWith('.tsx') ? 'tsx' : 'ts',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    // Keeps imports whose bindings are unused once types are gone: they are still dependencies.
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    sourcefile: fileName,
  }).code;
  const [imports] = parse(javascript, fileName);
  return imports.filter((entry) => entry.d !== -2).map((entry) => entry.n);
}

/**
 * es-module-lexer reads JavaScript only, and esbuild erases `import type` and `export type … from`
 * along with the types. Turning those statements into plain ones first keeps them in the graph:
 * they are dependencies of the design even if nothing of them is left at run time. Inside a
 * string or comment the rewrite only drops a word, so it cannot invent a dependency.
 */
function keepTypeOnlyImports(source: string): string {
  return source
    .replace(/^(\s*import)\s+type(?=\s*[{*]|\s+[\w$]+\s+from\b)/gm, '$1')
    .replace(/^(\s*export)\s+type(?=\s*[{*])/gm, '$1');
}

/**
 * Resolves a relative specifier as TypeScript's NodeNext resolution does: the specifier names the
 * emitted file, so `./x.js` is `x.ts` or `x.tsx`, and a folder is only reached through an explicit
 * `./dir/index.js`. Returns the repository path, or undefined when no source file matches.
 */
export function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const written = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  const candidates = [written];
  const emitted = /\.(m|c)?js(x)?$/.exec(written);
  if (emitted) {
    const stem = written.slice(0, emitted.index);
    const [, flavour = '', jsx] = emitted;
    candidates.unshift(`${stem}.${flavour}ts${jsx ? 'x' : ''}`);
    if (!flavour && !jsx) candidates.splice(1, 0, `${stem}.tsx`);
  }
  // A folder is no module under NodeNext: only a file resolves.
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

/** Every import of every source file under `dir`, in file order. */
export async function importEdges(dir: string): Promise<ImportEdge[]> {
  const edges: ImportEdge[] = [];
  for (const from of sourceFiles(dir)) {
    for (const specifier of await importSpecifiers(readFileSync(from, 'utf8'), from)) {
      edges.push(edgeOf(from, specifier));
    }
  }
  return edges;
}

function edgeOf(from: string, specifier: string | undefined): ImportEdge {
  if (specifier === undefined) {
    const unknown = 'import(<expression>)';
    return { from, specifier: unknown, target: unknown, relative: false, resolved: false };
  }
  if (!specifier.startsWith('.')) {
    return { from, specifier, target: specifier, relative: false, resolved: true };
  }
  const target = resolveRelative(from, specifier);
  return { from, specifier, target: target ?? specifier, relative: true, resolved: target !== undefined };
}

/**
 * The import cycles between files, each once, as a path that starts and ends at the same file.
 * A depth-first walk reports the cycle each back edge closes; rotating every cycle to start at
 * its first file in sort order makes one cycle found from two places count once.
 */
export function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (!edge.relative || !edge.resolved) continue;
    const targets = next.get(edge.from) ?? [];
    if (!targets.includes(edge.target)) targets.push(edge.target);
    next.set(edge.from, targets.sort());
  }
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): void => {
    onPath.push(file);
    for (const target of next.get(file) ?? []) {
      const start = onPath.indexOf(target);
      if (start >= 0) {
        const cycle = canonical(onPath.slice(start));
        cycles.set(cycle.join(' -> '), cycle);
      } else if (!done.has(target)) {
        visit(target);
      }
    }
    onPath.pop();
    done.add(file);
  };
  for (const file of [...next.keys()].sort()) if (!done.has(file)) visit(file);
  return [...cycles.values()];
}

function canonical(loop: string[]): string[] {
  const first = loop.indexOf([...loop].sort()[0]!);
  const rotated = [...loop.slice(first), ...loop.slice(0, first)];
  return [...rotated, rotated[0]!];
}
