import { describe, expect, it } from 'vitest';
import {
  parseStageConfig,
  STAGE_NAMES,
  STAGES_CONTEXT_KEY,
  StageConfigError,
} from '../../lib/config.ts';
import { CDK_CONTEXT } from './app.ts';

const stages = CDK_CONTEXT[STAGES_CONTEXT_KEY] as Record<string, Record<string, unknown>>;

/** The dev settings from cdk.json with one top-level field replaced. */
const devWith = (field: string, value: unknown) => ({
  dev: { ...stages.dev, [field]: value },
});

describe('parseStageConfig', () => {
  it.each(STAGE_NAMES)('accepts the %s settings in cdk.json', (stage) => {
    // Prepare
    const raw = stages;

    // Act
    const config = parseStageConfig(stage, raw);

    // Assess
    expect(config.name).toBe(stage);
  });

  it('refuses a stage that has no settings', () => {
    // Prepare
    const stage = 'staging';

    // Act
    const parse = () => parseStageConfig(stage, stages);

    // Assess
    expect(parse).toThrow(StageConfigError);
  });

  it('refuses a wildcard CORS origin', () => {
    // Prepare
    const raw = devWith('api', { ...(stages.dev?.api as object), corsAllowOrigins: ['*'] });

    // Act
    const parse = () => parseStageConfig('dev', raw);

    // Assess
    expect(parse).toThrow(/corsAllowOrigins/);
  });

  it('refuses a log retention CloudWatch does not offer', () => {
    // Prepare
    const raw = devWith('logRetentionDays', 10);

    // Act
    const parse = () => parseStageConfig('dev', raw);

    // Assess
    expect(parse).toThrow(/logRetentionDays/);
  });

  it('refuses a From address outside the SES identity', () => {
    // Prepare
    const raw = devWith('mail', { identity: 'example.com', fromAddress: 'no-reply@example.org' });

    // Act
    const parse = () => parseStageConfig('dev', raw);

    // Assess
    expect(parse).toThrow(/fromAddress/);
  });
});
