/**
 * Creates the local user pools (client and staff) and their app clients from
 * functions/core/access/user-pool.ts, with the settings the CDK stack gives the real
 * ones, or finds persisted ones again by id.
 */
import {
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  type ExplicitAuthFlowsType,
  ResourceNotFoundException,
  type SchemaAttributeType,
  SetUserPoolMfaConfigCommand,
  type SetUserPoolMfaConfigCommandInput,
  type UserPoolPolicyType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CLIENT_AUTH_FLOWS,
  LOGIN_ATTRIBUTES,
  PASSWORD_POLICY,
  STAFF_LOGIN_ATTRIBUTES,
  STAFF_TOKEN_VALIDITY_MINUTES,
  TOKEN_VALIDITY_MINUTES,
} from '#core/access/user-pool';
import { STAFF_POOL_MFA } from '../scripts/local-stack/staff-logins.ts';

/** CDK's `authFlows` keys and the flows they enable. */
const AUTH_FLOWS: Record<string, ExplicitAuthFlowsType> = {
  adminUserPassword: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  custom: 'ALLOW_CUSTOM_AUTH',
  user: 'ALLOW_USER_AUTH',
  userPassword: 'ALLOW_USER_PASSWORD_AUTH',
  userSrp: 'ALLOW_USER_SRP_AUTH',
};

/** CDK's `standardAttributes` keys and the Cognito attribute names. */
const STANDARD_ATTRIBUTES: Record<string, string> = {
  address: 'address',
  birthdate: 'birthdate',
  email: 'email',
  familyName: 'family_name',
  fullname: 'name',
  gender: 'gender',
  givenName: 'given_name',
  lastUpdateTime: 'updated_at',
  locale: 'locale',
  middleName: 'middle_name',
  nickname: 'nickname',
  phoneNumber: 'phone_number',
  preferredUsername: 'preferred_username',
  profilePage: 'profile',
  profilePicture: 'picture',
  timezone: 'zoneinfo',
  website: 'website',
};

const lookup = (table: Record<string, string>, key: string, what: string): string => {
  const value = table[key];
  if (!value) throw new Error(`local/create-user-pool.ts does not know the ${what} '${key}'`);
  return value;
};

const passwordPolicy = (): UserPoolPolicyType => ({
  PasswordPolicy: {
    MinimumLength: PASSWORD_POLICY.minLength,
    RequireLowercase: PASSWORD_POLICY.requireLowercase,
    RequireUppercase: PASSWORD_POLICY.requireUppercase,
    RequireNumbers: PASSWORD_POLICY.requireDigits,
    RequireSymbols: PASSWORD_POLICY.requireSymbols,
    TemporaryPasswordValidityDays: PASSWORD_POLICY.temporaryPasswordValidityDays,
  },
});

const schemaOf = (attributes: Record<string, { required: boolean; mutable: boolean }>) =>
  Object.entries(attributes).map(
    ([key, attribute]): SchemaAttributeType => ({
      Name: lookup(STANDARD_ATTRIBUTES, key, 'standard attribute'),
      AttributeDataType: 'String',
      Required: attribute.required,
      Mutable: attribute.mutable,
    })
  );

const appClientDefinition = (
  userPoolId: string,
  clientName: string,
  validity: { access: number; id: number; refreshDays: number }
): CreateUserPoolClientCommandInput => ({
  UserPoolId: userPoolId,
  ClientName: clientName,
  GenerateSecret: false,
  ExplicitAuthFlows: [
    ...Object.entries(CLIENT_AUTH_FLOWS)
      .filter(([, enabled]) => enabled)
      .map(([key]) => lookup(AUTH_FLOWS, key, 'auth flow') as ExplicitAuthFlowsType),
    // CDK always adds refresh-token auth.
    'ALLOW_REFRESH_TOKEN_AUTH',
  ],
  AccessTokenValidity: validity.access,
  IdTokenValidity: validity.id,
  RefreshTokenValidity: validity.refreshDays,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  PreventUserExistenceErrors: 'ENABLED',
});

/** How one pool and its app client are created, as its CDK construct creates them. */
export interface PoolBlueprint {
  /** Appended to the pool's name to name the app client. */
  clientSuffix: string;
  pool: (poolName: string) => CreateUserPoolCommandInput;
  client: (userPoolId: string, clientName: string) => CreateUserPoolClientCommandInput;
  /** Applied on every start, so a persisted pool converges on the current setting. */
  mfa: Omit<SetUserPoolMfaConfigCommandInput, 'UserPoolId'>;
}

/** The client pool (lib/constructs/auth.ts): email as the username, MFA off. */
export const CLIENT_POOL: PoolBlueprint = {
  clientSuffix: 'portal',
  pool: (poolName) => ({
    PoolName: poolName,
    Policies: passwordPolicy(),
    UsernameAttributes: ['email'],
    AutoVerifiedAttributes: ['email'],
    Schema: schemaOf(LOGIN_ATTRIBUTES),
  }),
  client: (userPoolId, clientName) =>
    appClientDefinition(userPoolId, clientName, TOKEN_VALIDITY_MINUTES),
  mfa: { MfaConfiguration: 'OFF' },
};

/** The staff pool: a username (the work email by convention), TOTP as the second factor. */
export const STAFF_POOL: PoolBlueprint = {
  clientSuffix: 'console',
  pool: (poolName) => ({
    PoolName: poolName,
    Policies: passwordPolicy(),
    AutoVerifiedAttributes: ['email'],
    Schema: schemaOf(STAFF_LOGIN_ATTRIBUTES),
  }),
  client: (userPoolId, clientName) =>
    appClientDefinition(userPoolId, clientName, STAFF_TOKEN_VALIDITY_MINUTES),
  mfa: STAFF_POOL_MFA,
};

const exists = async (probe: () => Promise<unknown>): Promise<boolean> => {
  try {
    await probe();
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
};

export interface UserPoolIds {
  userPoolId: string;
  userPoolClientId: string;
}

/** Reuses `known` ids when the pool and client still exist; creates what is missing. */
export const ensureUserPool = async (
  cognito: CognitoIdentityProviderClient,
  options: {
    name: string;
    blueprint: PoolBlueprint;
    known?: Partial<UserPoolIds>;
    log: (line: string) => void;
  }
): Promise<UserPoolIds> => {
  const { known, blueprint } = options;
  let userPoolId = known?.userPoolId;
  if (
    userPoolId &&
    (await exists(() => cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }))))
  ) {
    options.log(`user pool ${userPoolId} found`);
  } else {
    const created = await cognito.send(new CreateUserPoolCommand(blueprint.pool(options.name)));
    userPoolId = created.UserPool?.Id;
    if (!userPoolId) throw new Error('cognito-local returned no user pool id');
    options.log(`user pool ${userPoolId} created`);
  }
  await cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: userPoolId, ...blueprint.mfa }));

  const knownClientId = known?.userPoolId === userPoolId ? known?.userPoolClientId : undefined;
  if (
    knownClientId &&
    (await exists(() =>
      cognito.send(
        new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: knownClientId })
      )
    ))
  ) {
    options.log(`app client ${knownClientId} found`);
    return { userPoolId, userPoolClientId: knownClientId };
  }
  const client = await cognito.send(
    new CreateUserPoolClientCommand(
      blueprint.client(userPoolId, `${options.name}-${blueprint.clientSuffix}`)
    )
  );
  const userPoolClientId = client.UserPoolClient?.ClientId;
  if (!userPoolClientId) throw new Error('cognito-local returned no app client id');
  options.log(`app client ${userPoolClientId} created`);
  return { userPoolId, userPoolClientId };
};
