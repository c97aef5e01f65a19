/**
 * The client user pool (portal logins) and the portal's app client, built
 * from functions/core/user-pool.ts so the local emulator and AWS create the
 * same pool. Stateful: retained and deletion protected.
 */

import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import {
  CLIENT_AUTH_FLOWS,
  LOGIN_ATTRIBUTES,
  PASSWORD_POLICY,
  TOKEN_VALIDITY_MINUTES,
} from '#core/user-pool';
import type { StageConfig } from '../config.ts';

export interface ClientAuthProps {
  featurePlan: StageConfig['userPool']['featurePlan'];
}

export class ClientAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: ClientAuthProps) {
    super(scope, id);
    const plus = props.featurePlan === 'plus';
    const { temporaryPasswordValidityDays, ...passwordRules } = PASSWORD_POLICY;

    this.userPool = new UserPool(this, 'UserPool', {
      // Logins are created by account holders (sub-accounts) or the request wizard, never by strangers.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // An email change takes effect only once the new address is verified.
      keepOriginal: { email: true },
      standardAttributes: LOGIN_ATTRIBUTES,
      passwordPolicy: {
        ...passwordRules,
        tempPasswordValidity: Duration.days(temporaryPasswordValidityDays),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.OFF,
      featurePlan: plus ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(plus && { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.client = this.userPool.addClient('PortalClient', {
      // A browser app cannot keep a secret.
      generateSecret: false,
      authFlows: CLIENT_AUTH_FLOWS,
      // No hosted UI: the portal signs in through the Cognito API.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(TOKEN_VALIDITY_MINUTES.access),
      idTokenValidity: Duration.minutes(TOKEN_VALIDITY_MINUTES.id),
      refreshTokenValidity: Duration.days(TOKEN_VALIDITY_MINUTES.refreshDays),
    });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is not forced on customer logins: sub-accounts are created with a password or an invitation by the account holder and must be able to sign in without enrolling a device first; the local emulator mirrors this pool and has no MFA. Optional TOTP can follow once the portal handles MFA challenges.',
    });
    if (!plus) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'This stage has no real customers, so the per-user Plus tier is not bought; prod sets userPool.featurePlan "plus" with threat protection enforced.',
      });
    }
  }
}
