import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCycles, type ImportEdge, importEdges, importSpecifiers } from './support/import-graph.js';

/**
 * The dependency rule of docs/architecture.md, checked on the real imports of every source file
 * (type-only and dynamic ones included). Each rule lists its offenders as `file -> import`.
 */

type Layer = 'core' | 'ports' | 'factors' | 'app' | 'i18n' | 'adapters' | 'http' | 'cli' | 'root';

const compositionRoot = ['src/compose.ts', 'src/main.ts', 'src/config.ts', 'src/config-values.ts'];

/** Which layers each layer may import; the composition root wires everything together. */
const mayImport: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  ports: ['core', 'ports'],
  factors: ['core', 'ports', 'factors'],
  app: ['core', 'ports', 'factors', 'app'],
  i18n: ['core', 'i18n'],
  adapters: ['core', 'ports', 'factors', 'i18n', 'adapters'],
  http: ['core', 'factors', 'app', 'i18n', 'http'],
  cli: ['core', 'factors', 'app', 'i18n', 'cli', 'root'],
  root: ['core', 'ports', 'factors', 'app', 'i18n', 'adapters', 'http', 'cli', 'root'],
};

/** Modules that reach a disk, a network, a database, a process or a log. */
const ioModules = new Set([
  ...['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'dns', 'tls'],
  ...['cluster', 'worker_threads', 'readline'],
  ...['pg', 'kysely', 'better-sqlite3', 'ioredis', 'nodemailer', 'pino', 'hono', '@hono/node-server'],
  ...['@hono/zod-openapi', 'prom-client', '@node-rs/argon2', 'undici'],
]);

/** The npm libraries factor algorithms may use: they compute, and do nothing else. */
const pureFactorLibraries = new Set(['qrcode', 'libphonenumber-js', '@simplewebauthn/server']);

/** Which modules outside src/ each layer may import. */
const mayUseModule: Record<Layer, (name: string) => boolean> = {
  core: (name) => name === 'crypto' || (!isBuiltin(name) && !ioModules.has(name)),
  ports: () => false,
  factors: (name) => name === 'crypto' || pureFactorLibraries.has(name),
  app: (name) => !ioModules.has(name),
  i18n: (name) => !ioModules.has(name),
  adapters: () => true,
  http: () => true,
  cli: () => true,
  root: () => true,
};

let edges: ImportEdge[] = [];
beforeAll(async () => {
  edges = await importEdges('src');
});

describe('the dependency rule', () => {
  it('every relative import names a source file, and every dynamic import a literal one', () => {
    expect(
      offenders((edge) => !edge.resolved),
      'imports the test cannot follow',
    ).toEqual([]);
  });

  it('each layer imports only what the layer matrix allows', () => {
    const breaks = offenders((edge) => {
      const from = layerOf(edge.from);
      if (from === undefined) return true;
      if (!edge.resolved) return false; // reported by the rule above
      if (!edge.relative) return !mayUseModule[from](moduleName(edge.target));
      const to = layerOf(edge.target);
      return to === undefined || !mayImport[from].includes(to);
    });
    expect(breaks, 'imports across layers that the layer matrix does not allow').toEqual([]);
  });

  it('nothing in core/ or factors/ imports an I/O module', () => {
    const breaks = offenders(
      (edge) =>
        /^src\/(core|factors)\//.test(edge.from) &&
        !edge.relative &&
        (ioModules.has(moduleName(edge.target)) ||
          (isBuiltin(edge.target) && moduleName(edge.target) !== 'crypto')),
    );
    expect(breaks, 'I/O in the pure layers').toEqual([]);
  });

  it('no two files import each other, directly or through others', () => {
    const cycles = findCycles(edges).map((cycle) => cycle.join(' -> '));
    expect(cycles, 'import cycles').toEqual([]);
  });

  it('only the composition root wires concrete adapters', () => {
    const breaks = offenders(
      (edge) =>
        edge.target.startsWith('src/adapters/') &&
        !edge.from.startsWith('src/adapters/') &&
        !compositionRoot.includes(edge.from),
    );
    expect(breaks, 'imports of adapters/ outside the composition root').toEqual([]);
  });

  it('the HTTP edge reaches no store, hasher, secret box, limiter or randomness: it calls use cases', () => {
    // The dependency bag still travels through http/ to be handed to the use cases; what http may
    // not do is open it. Reading one of these members there is a use case that is missing.
    const opened =
      /\b(?:deps|c\.get\('deps'\)|c\.var\.deps)\s*\.\s*(store|hasher|secretBox|limiter|random|recoveryPeppers)\b|\{[^}]*\b(store|hasher|secretBox|limiter|random|recoveryPeppers)\b[^}]*\}\s*=\s*(?:deps|c\.get\('deps'\))/;
    const breaks = sourceFiles('src/http').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (opened.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(breaks, 'the dependency bag opened in http/').toEqual([]);
  });
});

describe('the import scanner', () => {
  it('sees static, re-exported, dynamic and type-only imports, in TSX too', async () => {
    const source = [
      "import type { A } from './a.js';",
      "import { type B } from './b.js';",
      "import type C from './c.js';",
      "export type { D } from './d.js';",
      "export * from './e.js';",
      'type Local = string;',
      'export type { Local };',
      "export const page = <p>Don't stop</p>;",
      "export const later = () => import('./f.js');",
      'export const dynamic = (name: string) => import(name);',
      "export const url = new URL('./g.css', import.meta.url);",
    ].join('\n');
    const found = await importSpecifiers(source, 'page.tsx');
    expect(found.sort()).toEqual([
      './a.js',
      './b.js',
      './c.js',
      './d.js',
      './e.js',
      './f.js',
      'hono/jsx/jsx-runtime',
      undefined,
    ]);
  });
});

function offenders(breaks: (edge: ImportEdge) => boolean): string[] {
  return edges.filter(breaks).map((edge) => `${edge.from} -> ${edge.target}`);
}

function layerOf(file: string): Layer | undefined {
  if (compositionRoot.includes(file)) return 'root';
  const folder = /^src\/([^/]+)\//.exec(file)?.[1];
  return folder !== undefined && folder !== 'root' && folder in mayImport ? (folder as Layer) : undefined;
}

/** The package or builtin a specifier belongs to: `@scope/name/x` → `@scope/name`, `node:fs` → `fs`. */
function moduleName(specifier: string): string {
  const bare = specifier.replace(/^node:/, '');
  const parts = bare.split('/');
  if (isBuiltin(specifier)) return bare;
  return (bare.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

/** Every non-test TypeScript file below `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [path] : [];
  });
}
