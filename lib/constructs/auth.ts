/**
 * The client user pool (portal logins) and the portal's app client, built
 * from functions/core/access/user-pool.ts so the local emulator and AWS create the
 * same pool, and the settings it shares with the staff pool
 * (./staff-auth.ts). Stateful: retained and deletion protected.
 */

import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  type UserPoolClientOptions,
  type UserPoolProps,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import {
  CLIENT_AUTH_FLOWS,
  LOGIN_ATTRIBUTES,
  PASSWORD_POLICY,
  TOKEN_VALIDITY_MINUTES,
} from '#core/access/user-pool';
import type { StageConfig } from '../config.ts';
import type { CognitoMail } from './cognito-mail.ts';

/** What every pool is given by its stack. */
export interface PoolProps {
  featurePlan: StageConfig['userPool']['featurePlan'];
  /** The stage's SES sending and the CustomMessage trigger both pools share. */
  mail: CognitoMail;
}

/**
 * What both user pools share: the password policy, the stage's feature plan
 * (threat protection on Plus), no self sign-up, their mail through the
 * stage's SES identity worded by Portico, deletion protection, RETAIN.
 */
export const sharedPoolProps = ({ featurePlan, mail }: PoolProps) => {
  const plus = featurePlan === 'plus';
  const { temporaryPasswordValidityDays, ...passwordRules } = PASSWORD_POLICY;
  return {
    // Logins are created by account holders, the request wizard or an operator, never by strangers.
    selfSignUpEnabled: false,
    signInCaseSensitive: false,
    passwordPolicy: {
      ...passwordRules,
      tempPasswordValidity: Duration.days(temporaryPasswordValidityDays),
    },
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    featurePlan: plus ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
    ...(plus && { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }),
    email: mail.email,
    lambdaTriggers: { customMessage: mail.customMessage },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  } satisfies UserPoolProps;
};

/** App client settings both front ends share: no secret, no hosted UI, hidden user existence. */
export const sharedClientProps = (validity: { access: number; id: number; refreshDays: number }) =>
  ({
    // A browser app cannot keep a secret.
    generateSecret: false,
    authFlows: CLIENT_AUTH_FLOWS,
    // No hosted UI: the front ends sign in through the Cognito API.
    disableOAuth: true,
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    accessTokenValidity: Duration.minutes(validity.access),
    idTokenValidity: Duration.minutes(validity.id),
    refreshTokenValidity: Duration.days(validity.refreshDays),
  }) satisfies UserPoolClientOptions;

/** Stages without real users skip the per-user Plus tier (cdk-nag AwsSolutions-COG8). */
export const acknowledgeEssentialsTier = (
  pool: UserPool,
  featurePlan: StageConfig['userPool']['featurePlan']
) => {
  if (featurePlan === 'plus') return;
  Validations.of(pool).acknowledge({
    id: 'AwsSolutions-COG8',
    reason:
      'This stage has no real customers or staff, so the per-user Plus tier is not bought; prod sets userPool.featurePlan "plus" with threat protection enforced.',
  });
};

export type ClientAuthProps = PoolProps;

export class ClientAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: ClientAuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      ...sharedPoolProps(props),
      signInAliases: { email: true },
      autoVerify: { email: true },
      // An email change takes effect only once the new address is verified.
      keepOriginal: { email: true },
      standardAttributes: LOGIN_ATTRIBUTES,
      mfa: Mfa.OFF,
    });

    this.client = this.userPool.addClient(
      'PortalClient',
      sharedClientProps(TOKEN_VALIDITY_MINUTES)
    );

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is not forced on customer logins: sub-accounts are created with a password or an invitation by the account holder and must be able to sign in without enrolling a device first. Staff logins, which act on every account, have their own pool with TOTP required (StaffAuth).',
    });
    acknowledgeEssentialsTier(this.userPool, props.featurePlan);
  }
}
