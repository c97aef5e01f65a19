import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SAMPLING_RATE,
  MONITORING_DEFAULTS,
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

  it('fills every monitoring threshold the stage leaves out, and keeps tracing off', () => {
    // Prepare
    const raw = devWith('monitoring', { alertEmails: ['ops@example.org'] });
    const withoutTracing = { dev: { ...raw.dev, tracing: undefined } };

    // Act
    const config = parseStageConfig('dev', withoutTracing);

    // Assess
    expect(config.monitoring).toEqual({ alertEmails: ['ops@example.org'], ...MONITORING_DEFAULTS });
    expect(config.tracing).toEqual({ enabled: false, samplingRate: DEFAULT_SAMPLING_RATE });
  });

  it('refuses an alert subscriber that is not an email address', () => {
    // Prepare
    const raw = devWith('monitoring', { alertEmails: ['ops at example.org'] });

    // Act
    const parse = () => parseStageConfig('dev', raw);

    // Assess
    expect(parse).toThrow(/monitoring.alertEmails/);
  });

  it('refuses a prod stage with nobody to alert', () => {
    // Prepare
    const raw = { prod: { ...stages.prod, monitoring: { alertEmails: [] } } };

    // Act
    const parse = () => parseStageConfig('prod', raw);

    // Assess
    expect(parse).toThrow(/at least one address in prod/);
  });

  it.each([
    ['monitoring', { api5xxRate: 5 }, /api5xxRate/],
    ['monitoring', { sesComplaintRate: 0 }, /sesComplaintRate/],
    ['monitoring', { apiP99LatencyMs: -1 }, /apiP99LatencyMs/],
    ['tracing', { enabled: 'yes' }, /tracing.enabled/],
    ['tracing', { enabled: true, samplingRate: 1.5 }, /tracing.samplingRate/],
  ])('refuses %s %o', (field, value, message) => {
    // Prepare
    const raw = devWith(field, value);

    // Act
    const parse = () => parseStageConfig('dev', raw);

    // Assess
    expect(parse).toThrow(message);
  });
});
