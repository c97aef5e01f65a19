/** SES feedback: the configuration set's event destination, its topic, the function and its DLQ. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { actionsOf, allowStatementsOf, logicalIdOf, synthPortico } from './app.ts';

const { api, apiTemplate: template } = synthPortico('dev');
const resources = template.toJSON().Resources;
const { feedback } = api;
const topicId = logicalIdOf(feedback.topic);
const functionId = logicalIdOf(feedback.function);
const queueArn = { 'Fn::GetAtt': [logicalIdOf(feedback.deadLetters), 'Arn'] };

describe('SES feedback', () => {
  it('publishes the configuration set’s bounces and complaints, and nothing else, to the topic', () => {
    // Act
    const destinations = template.findResources('AWS::SES::ConfigurationSetEventDestination');

    // Assess
    expect(Object.values(destinations)).toHaveLength(1);
    expect(Object.values(destinations)[0]?.Properties).toMatchObject({
      ConfigurationSetName: { Ref: logicalIdOf(api.mailConfigurationSet) },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: { Ref: topicId } },
      },
    });
  });

  it('encrypts the topic with a rotated key SES may use, refuses plain HTTP, and lets only this set’s SES publish', () => {
    // Act
    const topic = resources[topicId]?.Properties;
    const policies = JSON.stringify(template.findResources('AWS::SNS::TopicPolicy'));
    const keyPolicy = JSON.stringify(
      resources[topic.KmsMasterKeyId['Fn::GetAtt'][0]]?.Properties.KeyPolicy
    );

    // Assess
    expect(resources[topic.KmsMasterKeyId['Fn::GetAtt'][0]]?.Properties.EnableKeyRotation).toBe(
      true
    );
    expect(keyPolicy).toContain('ses.amazonaws.com');
    expect(policies).toContain('aws:SecureTransport');
    expect(policies).toContain(':configuration-set/');
    expect(policies).toContain(logicalIdOf(api.mailConfigurationSet));
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sns:Publish',
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it('invokes the feedback function from the topic, parking what fails or cannot be delivered in one queue', () => {
    // Act
    const fn = resources[functionId]?.Properties;
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription'));

    // Assess
    expect(fn.DeadLetterConfig).toEqual({ TargetArn: queueArn });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId },
      MaximumRetryAttempts: 2,
    });
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]?.Properties).toMatchObject({
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [functionId, 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: queueArn },
    });
  });

  it('may touch the table and its queue, and sends no mail', () => {
    // Act
    const role = feedback.function.role;
    if (!role) throw new Error('no role');
    const actions = actionsOf(allowStatementsOf(template, logicalIdOf(role)));

    // Assess
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:Query',
      ])
    );
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
    expect(resources[functionId]?.Properties.Environment.Variables.TABLE_NAME).toBeDefined();
  });
});
