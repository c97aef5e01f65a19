/**
 * How every Lambda entry point is bundled, kept as plain values so the CDK
 * (NodejsFunction) and a plain esbuild build (bench/) produce the same output.
 */
import { fileURLToPath } from 'node:url';
import { type BundlingOptions, LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/** Repository root: entries, package-lock.json and tsconfig.json are resolved from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const TSCONFIG_PATH = `${PROJECT_ROOT}tsconfig.json`;
export const LOCK_FILE_PATH = `${PROJECT_ROOT}package-lock.json`;

/** `functions/<name>/handler.ts`, exporting `handler`. */
export const handlerEntry = (name: string): string => `${PROJECT_ROOT}functions/${name}/handler.ts`;

/**
 * ESM needs `require` for the CommonJS modules esbuild inlines (parts of the
 * SDK's dependency tree call it); createRequire supplies one.
 */
const CREATE_REQUIRE_BANNER =
  "import { createRequire as __portico_createRequire } from 'node:module'; const require = __portico_createRequire(import.meta.url);";

export const BUNDLING = {
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  /** Linked .map files; NODE_OPTIONS=--enable-source-maps makes stack traces point at .ts lines. */
  sourcemap: true,
  /** Stack traces only need file names and lines; embedding sources would double the map size. */
  sourcesContent: false,
  /** Prefer ESM builds so the SDK and middy tree-shake. */
  mainFields: ['module', 'main'],
  banner: CREATE_REQUIRE_BANNER,
  /** Bundle everything, AWS SDK included: a pinned SDK version and a smaller cold start. */
  external: [] as string[],
  /**
   * Lambda passes the role's credentials in environment variables, so the
   * SDK's default chain (SSO, INI, STS, IMDS: ~135 KB) is swapped for the
   * environment provider; see functions/core/platform/lambda-credentials.ts.
   */
  alias: {
    '@aws-sdk/credential-provider-node': `${PROJECT_ROOT}functions/core/platform/lambda-credentials.ts`,
  } as Record<string, string>,
} as const;

/** The same settings as NodejsFunction `bundling` props. */
export const toNodejsBundling = (): BundlingOptions => ({
  format: OutputFormat.ESM,
  target: BUNDLING.target,
  minify: BUNDLING.minify,
  sourceMap: BUNDLING.sourcemap,
  sourcesContent: BUNDLING.sourcesContent,
  mainFields: [...BUNDLING.mainFields],
  banner: BUNDLING.banner,
  externalModules: [...BUNDLING.external],
  tsconfig: TSCONFIG_PATH,
  logLevel: LogLevel.WARNING,
  esbuildArgs: Object.fromEntries(
    Object.entries(BUNDLING.alias).map(([from, to]) => [`--alias:${from}`, to])
  ),
});

/**
 * The same settings as esbuild build options; the output file is named like
 * NodejsFunction's (`index.mjs`) so both builds are byte-comparable.
 */
export const toEsbuildOptions = (entry: string, outdir: string): BuildOptions => ({
  entryPoints: [entry],
  outfile: `${outdir}/index.mjs`,
  bundle: true,
  format: BUNDLING.format,
  platform: BUNDLING.platform,
  target: BUNDLING.target,
  minify: BUNDLING.minify,
  sourcemap: BUNDLING.sourcemap,
  sourcesContent: BUNDLING.sourcesContent,
  mainFields: [...BUNDLING.mainFields],
  banner: { js: BUNDLING.banner },
  external: [...BUNDLING.external],
  alias: { ...BUNDLING.alias },
  tsconfig: TSCONFIG_PATH,
  logLevel: 'warning',
});
