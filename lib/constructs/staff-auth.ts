/**
 * The staff user pool (operators and helpdesk) and the staff console's app
 * client, built from functions/core/access/user-pool.ts so the local emulator and
 * AWS create the same pool. Separate from the client pool so that no portal
 * login can ever hold a staff token: the HTTP API checks staff routes against
 * this pool only. Stateful: retained and deletion protected.
 */

import { Mfa, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import {
  STAFF_LOGIN_ATTRIBUTES,
  STAFF_MFA,
  STAFF_TOKEN_VALIDITY_MINUTES,
} from '#core/access/user-pool';
import { type SignInFlow, signInFlowOf } from '../config.ts';
import { acknowledgeTier, type PoolProps, sharedClientProps, sharedPoolProps } from './auth.ts';

export type StaffAuthProps = PoolProps;

export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** How the staff console signs in with this client (the portal's config.json). */
  readonly signInFlow: SignInFlow;

  constructor(scope: Construct, id: string, props: StaffAuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      ...sharedPoolProps(props),
      // A username (the work email by convention) keeps the token's `username` claim readable.
      signInAliases: { username: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: STAFF_LOGIN_ATTRIBUTES,
      // Every staff login must enrol an authenticator app at its first sign-in (MFA_SETUP).
      mfa: STAFF_MFA.required ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: STAFF_MFA.totp, sms: STAFF_MFA.sms },
    });

    // The staff console's client, with the stage's flows; the second factor applies to each.
    this.client = this.userPool.addClient(
      'ConsoleClient',
      sharedClientProps(STAFF_TOKEN_VALIDITY_MINUTES, props.authFlows)
    );
    this.signInFlow = signInFlowOf(props.authFlows);

    acknowledgeTier(this.userPool, props.featurePlan);
  }
}
