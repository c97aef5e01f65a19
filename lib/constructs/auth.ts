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
import { LOGIN_ATTRIBUTES, PASSWORD_POLICY, TOKEN_VALIDITY_MINUTES } from '#core/access/user-pool';
import { type SignInFlow, type StageConfig, signInFlowOf } from '../config.ts';
import type { CognitoMail } from './cognito-mail.ts';

/** What every pool is given by its stack. */
export interface PoolProps {
  featurePlan: StageConfig['userPool']['featurePlan'];
  /** Password flows the pool's app client allows (the stage's `userPool.authFlows`). */
  authFlows: StageConfig['userPool']['authFlows'];
  /** The stage's SES sending and the CustomMessage trigger both pools share. */
  mail: CognitoMail;
}

const FEATURE_PLANS = {
  lite: FeaturePlan.LITE,
  essentials: FeaturePlan.ESSENTIALS,
  plus: FeaturePlan.PLUS,
} as const;

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
    featurePlan: FEATURE_PLANS[featurePlan],
    ...(plus && { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }),
    email: mail.email,
    lambdaTriggers: { customMessage: mail.customMessage },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  } satisfies UserPoolProps;
};

/**
 * App client settings both front ends share: no secret, no hosted UI, hidden
 * user existence, and only the stage's password flows (refresh is always on;
 * no admin or custom flow: no back end signs in as a user).
 */
export const sharedClientProps = (
  validity: { access: number; id: number; refreshDays: number },
  authFlows: PoolProps['authFlows']
) =>
  ({
    // A browser app cannot keep a secret.
    generateSecret: false,
    authFlows: Object.fromEntries(authFlows.map((flow) => [flow, true])),
    // No hosted UI: the front ends sign in through the Cognito API.
    disableOAuth: true,
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    accessTokenValidity: Duration.minutes(validity.access),
    idTokenValidity: Duration.minutes(validity.id),
    refreshTokenValidity: Duration.days(validity.refreshDays),
  }) satisfies UserPoolClientOptions;

/** Below Plus there is no threat protection (cdk-nag AwsSolutions-COG8); docs/cost.md weighs it. */
export const acknowledgeTier = (
  pool: UserPool,
  featurePlan: StageConfig['userPool']['featurePlan']
) => {
  if (featurePlan === 'plus') return;
  Validations.of(pool).acknowledge({
    id: 'AwsSolutions-COG8',
    reason: `The stage buys the ${featurePlan} tier: user existence stays hidden, staff sign in with TOTP, password guessing is slowed by Cognito's own lockout and the API's rate limits; Plus threat protection (compromised-credential and risk-based blocking) costs $0.02 per monthly active user with no free tier and is switched on per stage with userPool.featurePlan "plus" (docs/cost.md).`,
  });
};

export type ClientAuthProps = PoolProps;

export class ClientAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** How the portal signs in with this client (the portal's config.json). */
  readonly signInFlow: SignInFlow;

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
      sharedClientProps(TOKEN_VALIDITY_MINUTES, props.authFlows)
    );
    this.signInFlow = signInFlowOf(props.authFlows);

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is not forced on customer logins: sub-accounts are created with a password or an invitation by the account holder and must be able to sign in without enrolling a device first. Staff logins, which act on every account, have their own pool with TOTP required (StaffAuth).',
    });
    acknowledgeTier(this.userPool, props.featurePlan);
  }
}
