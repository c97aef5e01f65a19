/**
 * Each deployed bundle starts with exactly the environment its template
 * gives it: a module that reads a variable its function was not given
 * (the table name in a function without table access, say) would fail
 * every cold start in AWS while every other test, run with a full local
 * environment, passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV } from '#core/platform/config';
import { PROBLEM_GUIDE } from '#core/platform/problem-guide';
import { FUNCTION_NAMES } from '../../functions/routes.ts';
import { logicalIdOf, synthPortico } from './app.ts';

const { app, api, apiTemplate, stateful, statefulTemplate } = synthPortico('dev');
// Logical ids are unique within a stack; the two stacks' functions get distinct ones.
const resources = { ...statefulTemplate.toJSON().Resources, ...apiTemplate.toJSON().Resources };

/** The template's variables, with deploy-time values (Refs, dynamic references) made concrete. */
const environmentOf = (logicalId: string): Record<string, string> => {
  const variables = (resources[logicalId]?.Properties?.Environment?.Variables ?? {}) as Record<
    string,
    unknown
  >;
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      typeof value === 'string' && !value.startsWith('{{resolve:')
        ? value
        : name === ENV.publicApiUrl
          ? 'https://deploy-time.execute-api.example/'
          : `deploy-time-${name.toLowerCase()}-value-long-enough-for-any-check`,
    ])
  );
};

/** The staged bundle: the code's S3 key is its asset hash, staged as `asset.<hash>/`. */
const bundleOf = (logicalId: string): string => {
  const key = resources[logicalId]?.Properties?.Code?.S3Key as string | undefined;
  if (!key) throw new Error(`${logicalId} has no code asset`);
  return join(app.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
};

const functions = [
  ...FUNCTION_NAMES.map((name) => ({ name, construct: api.functions[name] })),
  { name: 'outbox', construct: api.outbox.function },
  { name: 'notify', construct: api.notify.function },
  { name: 'mailer', construct: api.mailer.function },
  { name: 'inbound', construct: api.inbound.function },
  { name: 'cognito-messages', construct: stateful.cognitoMail.customMessage },
];

describe('cold start with the deployed environment', () => {
  for (const { name, construct } of functions) {
    it(`${name}: the bundle imports with only the variables its template sets`, () => {
      // Prepare
      const logicalId = logicalIdOf(construct);
      const bundle = bundleOf(logicalId);
      expect(existsSync(bundle), bundle).toBe(true);

      // Act
      const run = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', `await import(${JSON.stringify(bundle)});`],
        {
          encoding: 'utf8',
          timeout: 20_000,
          env: {
            PATH: process.env.PATH ?? '',
            // What the Lambda runtime itself sets.
            AWS_REGION: 'eu-west-1',
            AWS_ACCESS_KEY_ID: 'cold-start',
            AWS_SECRET_ACCESS_KEY: 'cold-start',
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
            ...environmentOf(logicalId),
          },
        }
      );

      // Assess
      expect(run.status, run.stderr).toBe(0);
    });
  }
});

describe('what the bundles leave out', () => {
  for (const { name, construct } of functions) {
    it(`${name}: the problem types without their guide (docs only)`, () => {
      // Act
      const code = readFileSync(bundleOf(logicalIdOf(construct)), 'utf8');

      // Assess
      expect(code).not.toContain(PROBLEM_GUIDE.staffTokenRequired.when);
      expect(code).not.toContain(PROBLEM_GUIDE.internalError.todo);
    });
  }
});
