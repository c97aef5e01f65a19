/**
 * Reads the project's own import graph from the sources, so the architecture
 * test can name every edge that breaks a rule. Type-only imports count: a
 * type cycle still ties two modules together for the reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface ImportEdge {
  /** Importing file, relative to the project root with forward slashes. */
  from: string;
  /** Imported project file, same form. */
  to: string;
  typeOnly: boolean;
}

const ROOT = resolve(import.meta.dirname, '../..');
// portal/src too: the unit tests import the portal's sign-in code.
const SOURCE_DIRS = ['functions', 'lib', 'bin', 'scripts', 'local', 'bench', 'test', 'portal/src'];
const CORE_ALIAS = '#core/';

const STATIC_IMPORT =
  /(?:^|[;\n])\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

const listSources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .filter((file) => !file.includes('node_modules/'));

/** Block comments and whole-line comments only: a `//` inside a string (a URL) stays. */
const withoutComments = (source: string): string =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const resolveSpecifier = (from: string, specifier: string): string | undefined => {
  let target: string;
  if (specifier.startsWith(CORE_ALIAS)) {
    target = `functions/core/${specifier.slice(CORE_ALIAS.length)}`;
  } else if (specifier.startsWith('.')) {
    target = relative(ROOT, resolve(ROOT, dirname(from), specifier)).replaceAll('\\', '/');
  } else {
    return undefined; // a package
  }
  return /\.tsx?$/.test(target) ? target : `${target}.ts`;
};

export const projectSources = (): string[] => SOURCE_DIRS.flatMap(listSources).sort();

export const importGraph = (files: string[] = projectSources()): ImportEdge[] =>
  files.flatMap((from) => {
    const source = withoutComments(readFileSync(join(ROOT, from), 'utf8'));
    const edges: ImportEdge[] = [];
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const to = resolveSpecifier(from, match[3] ?? '');
      if (to) edges.push({ from, to, typeOnly: match[2] !== undefined });
    }
    for (const match of source.matchAll(DYNAMIC_IMPORT)) {
      const to = resolveSpecifier(from, match[1] ?? '');
      if (to) edges.push({ from, to, typeOnly: false });
    }
    return edges;
  });

/** Every cycle found by a depth-first walk, each as the files around it. */
export const findCycles = (edges: ImportEdge[]): string[][] => {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of next.keys()) if (!state.has(file)) visit(file);
  return cycles;
};

/** `functions/<area>/...` → the area; `functions/core/...` → 'core'; anything else → undefined. */
export const areaOf = (file: string): string | undefined => {
  const match = /^functions\/([^/]+)\//.exec(file);
  return match?.[1];
};
/** functions/core's layers, lowest first: a layer imports only itself and those before it. */
export const CORE_LAYERS = [
  'platform',
  'rules',
  'table',
  'entities',
  'db',
  'access',
  'mail',
  'workflows',
  'views',
  'http',
] as const;
export type CoreLayer = (typeof CORE_LAYERS)[number];

export const coreLayerOf = (file: string): CoreLayer | undefined => {
  const match = /^functions\/core\/([^/]+)\//.exec(file);
  return CORE_LAYERS.find((layer) => layer === match?.[1]);
};
