/**
 * Cognito's own mail (reset codes, an operator's new login, email
 * verification) leaves through the stage's SES identity and configuration
 * set, worded by one CustomMessage trigger shared by both pools.
 */
import { describe, expect, it } from 'vitest';
import { actionsOf, allowStatementsOf, logicalIdOf, stageConfig, synthStateful } from './app.ts';

const { stack, template } = synthStateful('dev');
const pools = {
  client: logicalIdOf(stack.auth.userPool),
  staff: logicalIdOf(stack.staffAuth.userPool),
};
const trigger = logicalIdOf(stack.cognitoMail.customMessage);
const poolProps = (logicalId: string) => template.toJSON().Resources[logicalId].Properties;

const sourceArnOf = (identity: string) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':ses:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      `:identity/${identity}`,
    ],
  ],
});

describe('Cognito mail', () => {
  it('runs the message trigger at 256 MB: one small message per call, no CPU-bound work', () => {
    // Act
    const size = poolProps(trigger).MemorySize;

    // Assess
    expect(size).toBe(256);
  });

  for (const [pool, logicalId] of Object.entries(pools)) {
    it(`the ${pool} pool sends through the stage's SES identity, From address, reply-to and configuration set`, () => {
      // Prepare
      const { mail } = stageConfig('dev');

      // Act
      const email = poolProps(logicalId).EmailConfiguration;

      // Assess
      expect(email).toEqual({
        EmailSendingAccount: 'DEVELOPER',
        From: mail.fromAddress,
        ReplyToEmailAddress: 'support@dev.portal.example.com',
        ConfigurationSet: 'portico-dev',
        SourceArn: sourceArnOf(mail.identity),
      });
    });

    it(`the ${pool} pool words its mail with the CustomMessage trigger, which only that pool may invoke for it`, () => {
      // Act
      const lambdaConfig = poolProps(logicalId).LambdaConfig;

      // Assess
      expect(lambdaConfig).toEqual({ CustomMessage: { 'Fn::GetAtt': [trigger, 'Arn'] } });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [trigger, 'Arn'] },
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [logicalId, 'Arn'] },
      });
    });
  }

  it('names an address identity itself when the stage verified an address, not a domain', () => {
    // Prepare
    const dev = stageConfig('dev');
    const address = dev.mail.fromAddress;
    const variant = { ...dev, mail: { ...dev.mail, identity: address } };

    // Act
    const synthesized = synthStateful('dev', variant);

    // Assess
    const email =
      synthesized.template.toJSON().Resources[logicalIdOf(synthesized.stack.auth.userPool)]
        .Properties.EmailConfiguration;
    expect(email.SourceArn).toEqual(sourceArnOf(address));
  });

  it('lets the trigger read one item by its key from the table and nothing else, within Cognito’s 5 s', () => {
    // Prepare
    const role = stack.cognitoMail.customMessage.role;
    if (!role) throw new Error('the trigger has no role');
    const roleId = logicalIdOf(role);

    // Act
    const statements = allowStatementsOf(template, roleId);
    const tableStatements = statements.filter((s) =>
      actionsOf([s]).some((a) => a.startsWith('dynamodb:'))
    );

    // Assess
    expect(actionsOf(tableStatements)).toEqual(['dynamodb:GetItem']);
    expect(tableStatements[0]?.Resource).toEqual({
      'Fn::GetAtt': [logicalIdOf(stack.table), 'Arn'],
    });
    expect(actionsOf(statements).filter((a) => !/^(logs|xray|dynamodb):/.test(a))).toEqual([]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 5,
      Environment: { Variables: { TABLE_NAME: { Ref: logicalIdOf(stack.table) } } },
    });
  });
});
