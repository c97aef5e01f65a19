/**
 * How both user pools send their own mail (reset codes, an operator's new
 * login, email verification): through the stage's SES identity, From
 * address and configuration set instead of Cognito's default sender (50 a
 * day), with replies going to the helpdesk, and worded by Portico's
 * CustomMessage trigger (functions/cognito-messages/). The trigger lives in
 * the stateful stack beside the pools: a pool names its trigger, so a
 * function in the API stack would make the two stacks depend on each other.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import { UserPoolEmail } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { mailConfigurationSetOf, type StageConfig, supportAddressOf } from '../config.ts';
import { PorticoFunction } from './portico-function.ts';

export interface CognitoMailProps {
  stage: StageConfig;
  /** The trigger reads one login profile from it (the login's language). */
  table: ITable;
}

/** Cognito waits at most 5 s for a trigger, then fails the request it serves. */
const TRIGGER_TIMEOUT_SECONDS = 5;

export class CognitoMail extends Construct {
  readonly customMessage: PorticoFunction;
  readonly email: UserPoolEmail;

  constructor(scope: Construct, id: string, props: CognitoMailProps) {
    super(scope, id);
    const { stage } = props;
    this.customMessage = new PorticoFunction(this, 'CustomMessageFunction', {
      name: 'cognito-messages',
      stage,
      timeoutSeconds: TRIGGER_TIMEOUT_SECONDS,
    }).bindTable(props.table, 'get');
    const reason =
      'Invoked only synchronously by Cognito while it serves a request (a reset code, an invitation): a failure fails that request for its caller, there is no asynchronous event to park.';
    Validations.of(this.customMessage).acknowledge(
      { id: 'Serverless-LambdaDLQ', reason },
      { id: 'Serverless-LambdaAsyncFailureDestination', reason }
    );

    const { identity, fromAddress } = stage.mail;
    this.email = UserPoolEmail.withSES({
      fromEmail: fromAddress,
      replyTo: supportAddressOf(stage),
      configurationSetName: mailConfigurationSetOf(stage),
      // The identity is verified in the stack's own region (docs/deploy.md).
      sesRegion: Stack.of(this).region,
      // A domain identity is named in the source ARN; an address identity is the From address itself.
      ...(identity.includes('@') ? {} : { sesVerifiedDomain: identity }),
    });
  }
}
