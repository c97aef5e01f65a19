/** Mail to support in AWS: the mail bucket and rule set (stateful), the SES rule and the inbound function (API). */
import { describe, expect, it } from 'vitest';
import { ENV } from '#core/platform/config';
import { DEAD_LETTER_DAYS } from '../../lib/config.ts';
import { mailBucketExportName } from '../../lib/constructs/mail-bucket.ts';
import { actionsOf, allowStatementsOf, logicalIdOf, synthPortico } from './app.ts';

const { api, stateful, apiTemplate, statefulTemplate, config } = synthPortico('prod');
const apiResources = apiTemplate.toJSON().Resources;
const statefulResources = statefulTemplate.toJSON().Resources;
const bucketId = logicalIdOf(stateful.mail.bucket);
const functionId = logicalIdOf(api.inbound.function);
const queueId = logicalIdOf(api.inbound.deadLetters);
const exportName = mailBucketExportName(config.name);
const { account, region } = config.aws;

interface Statement {
  Effect: string;
  Action: string | string[];
  Principal?: unknown;
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

const bucketPolicy = (): Statement[] =>
  Object.values(statefulTemplate.findResources('AWS::S3::BucketPolicy'))
    .filter((policy) => policy.Properties.Bucket.Ref === bucketId)
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);

interface RuleResource {
  Properties: {
    RuleSetName: string;
    Rule: { Name: string; Recipients: string[]; Actions: unknown[] };
  };
  DependsOn?: string[];
}

const rule = (): RuleResource => {
  const rules = Object.values(apiTemplate.findResources('AWS::SES::ReceiptRule'));
  expect(rules).toHaveLength(1);
  return rules[0] as RuleResource;
};

/** The ARN SES presents for the rule the API stack creates, in the set the stateful stack names. */
const ruleArn = () => {
  const [ruleSet] = Object.values(statefulTemplate.findResources('AWS::SES::ReceiptRuleSet'));
  const { RuleSetName, Rule } = rule().Properties;
  expect(RuleSetName).toBe(ruleSet?.Properties.RuleSetName);
  return `arn:aws:ses:${region}:${account}:receipt-rule-set/${RuleSetName}:receipt-rule/${Rule.Name}`;
};

const inboundStatements = () =>
  allowStatementsOf(apiTemplate, apiResources[functionId].Properties.Role['Fn::GetAtt'][0]);

describe('the mail bucket (stateful stack)', () => {
  it('keeps its logical id, is retained, private, SSE-S3 encrypted and refuses anything but TLS 1.2+', () => {
    // Act
    const bucket = statefulResources[bucketId];
    const denies = bucketPolicy().filter((s) => s.Effect === 'Deny');

    // Assess
    expect(bucketId).toBe('MailBucketF6FE1F26');
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(denies.map((s) => s.Condition)).toEqual([
      { Bool: { 'aws:SecureTransport': 'false' } },
      { NumericLessThan: { 's3:TlsVersion': 1.2 } },
    ]);
  });

  it('expires raw mail under inbound/ after the stage’s rawMailDays, unused uploads after a day, and never attachments', () => {
    // Act
    const rules = statefulResources[bucketId].Properties.LifecycleConfiguration.Rules as {
      Prefix?: string;
      ExpirationInDays?: number;
    }[];
    const expiring = rules.filter((r) => r.ExpirationInDays !== undefined);

    // Assess
    expect(expiring).toEqual([
      expect.objectContaining({ Prefix: 'inbound/', ExpirationInDays: config.inbound.rawMailDays }),
      // Ticket uploads not attached within their day (test/infra/ticket-files.test.ts).
      expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 1 }),
    ]);
    expect(config.inbound.rawMailDays).toBeGreaterThanOrEqual(DEAD_LETTER_DAYS);
  });

  it('lets SES put under inbound/ only, only for this account and this stage’s support rule, and lets no one else in', () => {
    // Act
    const allows = bucketPolicy().filter((s) => s.Effect === 'Allow');

    // Assess
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Principal: { Service: 'ses.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/inbound/*']] },
      Condition: {
        StringEquals: { 'aws:SourceAccount': account, 'aws:SourceArn': ruleArn() },
      },
    });
  });

  it('names the rule set after the stage and outputs it and the bucket for the operator and the API stack', () => {
    // Act
    const outputs = statefulTemplate.toJSON().Outputs;

    // Assess
    statefulTemplate.hasResourceProperties('AWS::SES::ReceiptRuleSet', {
      RuleSetName: `portico-${config.name}-inbound`,
    });
    expect(outputs.MailBucketName.Export.Name).toBe(exportName);
    expect(outputs.ReceiptRuleSetName.Value).toEqual({
      Ref: logicalIdOf(stateful.mail.ruleSet),
    });
  });
});

describe('the support rule (API stack)', () => {
  it('takes mail to the support address over TLS only, scanned, stores the raw MIME under inbound/, then invokes the function asynchronously', () => {
    // Act
    const { Rule } = rule().Properties;

    // Assess
    expect(Rule).toMatchObject({
      Name: 'support',
      Enabled: true,
      Recipients: [config.inbound.supportAddress],
      ScanEnabled: true,
      TlsPolicy: 'Require',
    });
    expect(Rule.Actions).toEqual([
      { S3Action: { BucketName: { 'Fn::ImportValue': exportName }, ObjectKeyPrefix: 'inbound/' } },
      {
        LambdaAction: {
          FunctionArn: { 'Fn::GetAtt': [functionId, 'Arn'] },
          InvocationType: 'Event',
        },
      },
    ]);
  });

  it('receives at the address ticket mail answers to: notify’s SUPPORT_ADDRESS is the rule’s recipient', () => {
    // Act
    const notifyEnv =
      apiResources[logicalIdOf(api.notify.function)].Properties.Environment.Variables;
    const inboundEnv = apiResources[functionId].Properties.Environment.Variables;

    // Assess
    expect(notifyEnv[ENV.supportAddress]).toBe(config.inbound.supportAddress);
    expect(inboundEnv[ENV.supportAddress]).toBe(config.inbound.supportAddress);
    expect(rule().Properties.Rule.Recipients).toEqual([notifyEnv[ENV.supportAddress]]);
  });

  it('lets SES invoke the inbound function only for this account and this rule, before the rule exists', () => {
    // Act
    const permissions = Object.entries(apiTemplate.findResources('AWS::Lambda::Permission')).filter(
      ([, p]) => p.Properties.FunctionName['Fn::GetAtt']?.[0] === functionId
    );

    // Assess
    expect(permissions).toHaveLength(1);
    const [permissionId, permission] = permissions[0] ?? [];
    expect(permission?.Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      Principal: 'ses.amazonaws.com',
      SourceAccount: account,
      SourceArn: ruleArn(),
    });
    expect(rule().DependsOn).toContain(permissionId);
  });
});

describe('the inbound function', () => {
  it('signs GETs of raw mail and PUTs of attachments in the mail bucket, and nothing else of any bucket', () => {
    // Act
    const s3 = inboundStatements()
      .filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')))
      .map((s) => `${actionsOf([s]).join(',')} ${JSON.stringify(s.Resource)}`);

    // Assess
    expect(s3).toHaveLength(2);
    expect(s3[0]).toMatch(
      /^s3:GetObject .*"Fn::ImportValue":"Portico-prod-MailBucketName".*"\/inbound\/\*"/
    );
    expect(s3[1]).toMatch(
      /^s3:PutObject .*"Fn::ImportValue":"Portico-prod-MailBucketName".*"\/attachments\/\*"/
    );
  });

  it('reads and writes the table by key and index, never Scans or deletes, and holds no SES or Cognito action (refusal answers leave through the outbox)', () => {
    // Act
    const actions = actionsOf(inboundStatements());

    // Assess
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
      ])
    );
    expect(actions.filter((a) => /^dynamodb:(Scan|DeleteItem|BatchWriteItem|\*)$/.test(a))).toEqual(
      []
    );
    expect(actions.filter((a) => /^(ses|cognito-idp|kms):/.test(a) || a === '*')).toEqual([]);
  });

  it('starts with the support address, the Message-ID domain, the table and the mail bucket', () => {
    // Act
    const env = apiResources[functionId].Properties.Environment.Variables;

    // Assess
    expect(env).toMatchObject({
      [ENV.supportAddress]: config.inbound.supportAddress,
      [ENV.messageIdDomain]: config.mail.fromAddress.split('@')[1],
      [ENV.mailBucket]: { 'Fn::ImportValue': exportName },
    });
    expect(env[ENV.tableName]).toBeDefined();
  });

  it('is capped at the stage’s reserved concurrency, retries a failed receipt twice, then parks it in its own encrypted queue, which alarms', () => {
    // Act
    const fn = apiResources[functionId].Properties;
    const [invokeConfig] = Object.values(
      apiTemplate.findResources('AWS::Lambda::EventInvokeConfig')
    ).filter((c) => c.Properties.FunctionName.Ref === functionId);
    const queue = apiResources[queueId].Properties;
    const alarms = Object.values(apiTemplate.findResources('AWS::CloudWatch::Alarm')).map((a) =>
      JSON.stringify(a.Properties)
    );

    // Assess
    expect(fn.ReservedConcurrentExecutions).toBe(config.inbound.reservedConcurrency);
    expect(fn.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expect(invokeConfig?.Properties.MaximumRetryAttempts).toBe(2);
    expect(queue).toMatchObject({
      MessageRetentionPeriod: DEAD_LETTER_DAYS * 86_400,
      SqsManagedSseEnabled: true,
    });
    expect(
      alarms.filter((a) => a.includes(queueId) && a.includes('ApproximateNumberOfMessagesVisible'))
    ).toHaveLength(1);
    expect(alarms.filter((a) => a.includes(functionId) && a.includes('"Errors"'))).toHaveLength(1);
  });
});
