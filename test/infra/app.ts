/**
 * Builds Portico the way bin/portico.ts does (same cdk.json context, same
 * composition) and synthesizes it once per stage per test file. Synthesis
 * bundles the real handlers with esbuild, so the result is cached.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import {
  parseStageConfig,
  STAGES_CONTEXT_KEY,
  type StageConfig,
  type StageName,
} from '../../lib/config.ts';
import { addPorticoStacks, type PorticoStacks } from '../../lib/portico-app.ts';
import { StatefulStack } from '../../lib/stateful-stack.ts';

/** The context `cdk synth` sees: stage settings and feature flags from cdk.json. */
export const CDK_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')
).context;

type RawStages = Record<StageName, Record<string, Record<string, unknown>>>;
const SHIPPED_STAGES = CDK_CONTEXT[STAGES_CONTEXT_KEY] as RawStages;

/**
 * cdk.json's prod block holds placeholders the config check refuses until an
 * operator fills them in; these stand for an operator's values.
 */
export const OPERATOR_PROD_VALUES = {
  aws: { account: '210987654321', region: 'eu-central-1' },
  api: {
    ...SHIPPED_STAGES.prod.api,
    corsAllowOrigins: ['https://portal.hosting.test-operator.eu'],
  },
  mail: {
    ...SHIPPED_STAGES.prod.mail,
    identity: 'portal.hosting.test-operator.eu',
    fromAddress: 'no-reply@portal.hosting.test-operator.eu',
  },
  monitoring: {
    ...SHIPPED_STAGES.prod.monitoring,
    alertEmails: ['ops@test-operator.eu'],
    // Apart from the errors threshold (1), so the template tests tell the two alarms apart.
    functionThrottles: 3,
  },
  inbound: {
    ...SHIPPED_STAGES.prod.inbound,
    supportAddress: 'support@portal.hosting.test-operator.eu',
  },
};

/** The stages as an operator ready to deploy has them: cdk.json with prod filled in. */
export const OPERATOR_STAGES = {
  ...SHIPPED_STAGES,
  prod: { ...SHIPPED_STAGES.prod, ...OPERATOR_PROD_VALUES },
};

export const stageConfig = (stage: StageName): StageConfig =>
  parseStageConfig(stage, OPERATOR_STAGES);

export interface SynthesizedPortico extends PorticoStacks {
  app: App;
  config: StageConfig;
  statefulTemplate: Template;
  apiTemplate: Template;
  portalTemplate: Template;
}

// One cloud assembly directory per test file: asset staging caches bundles per
// outdir, so every App built here reuses the first esbuild run of each handler.
const OUTDIR = mkdtempSync(join(tmpdir(), 'portico-cdk-'));
process.on('exit', () => rmSync(OUTDIR, { recursive: true, force: true }));

/**
 * A fresh App carrying the cdk.json context (and `context` over it, as
 * `cdk synth -c` would). Read templates right after
 * synth: apps share OUTDIR. CloudFormation's built-in template validation is
 * left to `cdk synth` (it costs several seconds per App and reports nothing
 * these assertions do not).
 */
export const newApp = (context: Record<string, unknown> = {}): App =>
  new App({
    context: { ...CDK_CONTEXT, ...context },
    outdir: OUTDIR,
    builtinCloudFormationValidation: false,
  });

const cache = new Map<StageName, SynthesizedPortico>();

export const synthPortico = (stage: StageName = 'dev'): SynthesizedPortico => {
  const cached = cache.get(stage);
  if (cached) return cached;
  const app = newApp();
  const config = stageConfig(stage);
  const stacks = addPorticoStacks(app, config);
  app.synth();
  const result = {
    app,
    config,
    ...stacks,
    statefulTemplate: Template.fromStack(stacks.stateful),
    apiTemplate: Template.fromStack(stacks.api),
    portalTemplate: Template.fromStack(stacks.portal),
  };
  cache.set(stage, result);
  return result;
};

/**
 * The stateful stack on its own: one function to bundle (the pools'
 * CustomMessage trigger). Logical ids depend only on construct ids inside
 * the stack, so they match the full app. `config` replaces the stage's
 * settings (a variant of a stage).
 */
export const synthStateful = (stage: StageName = 'dev', config = stageConfig(stage)) => {
  const stack = new StatefulStack(newApp(), `Portico-${stage}-Stateful`, { stage: config });
  return { stack, template: Template.fromStack(stack) };
};

/**
 * The portal's config.json as the portal stack's deployment writes it: the
 * JSON asset staged in the cloud assembly (tokens stay as their markers).
 */
export const portalConfigJson = (synthesized: SynthesizedPortico): Record<string, unknown> => {
  const [deployment] = Object.values(
    synthesized.portalTemplate.findResources('Custom::CDKBucketDeployment')
  );
  const keys = (deployment?.Properties.SourceObjectKeys ?? []) as string[];
  for (const key of keys) {
    const file = join(synthesized.app.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'config.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  }
  throw new Error(`no config.json among the portal deployment's sources ${keys.join(', ')}`);
};

/** The logical id CloudFormation knows a construct's resource by. */
export const logicalIdOf = (construct: IConstruct): string => {
  const resource = CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild;
  if (!resource || !CfnResource.isCfnResource(resource)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource`);
  }
  return Stack.of(resource).getLogicalId(resource);
};

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every Allow statement of the policies attached to a role. */
export const allowStatementsOf = (template: Template, roleLogicalId: string): Statement[] =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) =>
      (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleLogicalId)
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])
    .filter((statement) => statement.Effect === 'Allow');

export const actionsOf = (statements: Statement[]): string[] =>
  statements.flatMap((statement) => [statement.Action].flat());
