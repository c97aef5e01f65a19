import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SAMPLING_RATE,
  MONITORING_DEFAULTS,
  parseStageConfig,
  STAGE_NAMES,
  STAGES_CONTEXT_KEY,
  StageConfigError,
  supportAddressOf,
} from '../../lib/config.ts';
import { StageGuardError } from '../../lib/stage-guards.ts';
import { CDK_CONTEXT, OPERATOR_STAGES } from './app.ts';

const shipped = CDK_CONTEXT[STAGES_CONTEXT_KEY] as Record<string, Record<string, unknown>>;
const stages = OPERATOR_STAGES as Record<string, Record<string, unknown>>;

/** The dev settings from cdk.json with one top-level field replaced. */
const devWith = (field: string, value: unknown) => ({
  dev: { ...stages.dev, [field]: value },
});

describe('parseStageConfig', () => {
  it('accepts the dev settings shipped in cdk.json', () => {
    // Prepare
    const raw = shipped;

    // Act
    const config = parseStageConfig('dev', raw);

    // Assess
    expect(config.aws).toEqual({ account: '111111111111', region: 'eu-central-1' });
  });

  it('refuses the prod block shipped in cdk.json until an operator replaces its placeholders', () => {
    // Prepare
    const raw = shipped;

    // Act
    const parse = () => parseStageConfig('prod', raw);

    // Assess
    expect(parse).toThrow(StageGuardError);
    expect(parse).toThrow(/aws.account 123456789012/);
    expect(parse).toThrow(/api.corsAllowOrigins https:\/\/portal.example.com/);
    expect(parse).toThrow(/mail.identity portal.example.com/);
    expect(parse).toThrow(/monitoring.alertEmails ops@portal.example.com/);
    expect(parse).toThrow(/inbound.supportAddress support@portal.example.com/);
  });

  it.each(STAGE_NAMES)('accepts the %s settings once an operator filled them in', (stage) => {
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

  it.each([
    ['api', { corsAllowOrigins: ['https://portal.example.org'] }, /corsAllowOrigins/],
    ['api', { corsAllowOrigins: ['http://portal.hoster.eu'] }, /corsAllowOrigins http:/],
    ['api', { publicUrl: 'https://api.portal.test/' }, /api.publicUrl/],
    ['mail', { identity: 'mail.invalid', fromAddress: 'a@mail.invalid' }, /mail.identity/],
    ['mail', { identity: 'ops@gmail.com', fromAddress: 'ops@gmail.com' }, /mail.fromAddress/],
    ['monitoring', { alertEmails: ['ops@example.net'] }, /monitoring.alertEmails/],
    ['aws', { account: '000000000000', region: 'eu-central-1' }, /aws.account/],
  ])('refuses a prod %s still holding a placeholder %o', (field, value, message) => {
    // Prepare
    const base = stages.prod as Record<string, object>;
    const raw = { prod: { ...base, [field]: { ...base[field], ...value } } };

    // Act
    const parse = () => parseStageConfig('prod', raw);

    // Assess
    expect(parse).toThrow(StageGuardError);
    expect(parse).toThrow(message);
  });

  it.each([
    ['aws', { account: '12345', region: 'eu-central-1' }, /aws.account/],
    ['aws', { account: '210987654321', region: 'Frankfurt' }, /aws.region/],
    ['userPool', { featurePlan: 'lite', authFlows: [] }, /userPool.authFlows/],
    ['userPool', { featurePlan: 'lite', authFlows: ['adminUserPassword'] }, /authFlows\[0\]/],
    ['userPool', { featurePlan: 'free', authFlows: ['userSrp'] }, /featurePlan/],
  ])('refuses a dev %s block %o', (field, value, message) => {
    // Prepare
    const raw = devWith(field, value);

    // Act
    const parse = () => parseStageConfig('dev', raw);

    // Assess
    expect(parse).toThrow(message);
  });

  it('defaults mail to support to support@ the mail domain, kept 30 days, 5 instances', () => {
    // Prepare
    const raw = devWith('inbound', undefined);

    // Act
    const config = parseStageConfig('dev', raw);

    // Assess
    expect(config.inbound).toEqual({
      supportAddress: 'support@dev.portal.example.com',
      rawMailDays: 30,
      reservedConcurrency: 5,
    });
    expect(supportAddressOf(config)).toBe(config.inbound.supportAddress);
  });

  it('refuses a prod support address at a mailbox provider: SES cannot receive its mail', () => {
    // Prepare
    const raw = { prod: { ...stages.prod, inbound: { supportAddress: 'helpdesk@gmail.com' } } };

    // Act
    const parse = () => parseStageConfig('prod', raw);

    // Assess
    expect(parse).toThrow(StageGuardError);
    expect(parse).toThrow(/inbound.supportAddress helpdesk@gmail.com/);
  });

  it('takes the secret versions a rotation names, and none by default', () => {
    // Prepare
    const cursor = 'a1b2c3d4-1111-2222-3333-444455556666';
    const raw = devWith('secretVersions', { cursor });

    // Act
    const pinned = parseStageConfig('dev', raw);
    const shippedDev = parseStageConfig('dev', stages);

    // Assess
    expect(pinned.secretVersions).toEqual({ cursor });
    expect(shippedDev.secretVersions).toEqual({});
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
    ['inbound', { supportAddress: 'support+x@dev.portal.example.com' }, /inbound.supportAddress/],
    ['inbound', { supportAddress: 'support' }, /inbound.supportAddress/],
    ['inbound', { rawMailDays: 7 }, /inbound.rawMailDays must be at least 14/],
    ['inbound', { reservedConcurrency: 0 }, /inbound.reservedConcurrency/],
    ['secretVersions', { cursor: 'AWSCURRENT' }, /secretVersions.cursor must be a Secrets/],
    ['secretVersions', { unsubscribe: 42 }, /secretVersions.unsubscribe/],
    [
      'secretVersions',
      { unsubscibe: 'a1b2c3d4-1111-2222-3333-444455556666' },
      /secretVersions names unsubscibe; it takes cursor and unsubscribe/,
    ],
    ['secretVersions', 'a1b2c3d4-1111-2222-3333-444455556666', /secretVersions must be an object/],
  ])('refuses %s %o', (field, value, message) => {
    // Prepare
    const raw = devWith(field, value);

    // Act
    const parse = () => parseStageConfig('dev', raw);

    // Assess
    expect(parse).toThrow(message);
  });
});
