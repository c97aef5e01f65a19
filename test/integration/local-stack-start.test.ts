/** What startLocalStack creates: the table, both user pools and their app clients, the demo logins. */
import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { PASSWORD_POLICY } from '#core/access/user-pool';
import { TABLE } from '#core/table/table';
import { createCognitoClient, createDynamoDbClient } from '../../scripts/local-stack/clients.ts';
import {
  LOCAL_STAFF_MFA_CONFIGURATION,
  signInStaff,
} from '../../scripts/local-stack/staff-logins.ts';
import { createLogin, decodeJwtPayload, signIn, uniqueEmail } from '../support/local-stack.ts';

const stack = inject('localStack');

describe('startLocalStack', () => {
  it('creates the table with the keys, indexes, stream and TTL of TABLE', async () => {
    // Prepare
    const dynamo = createDynamoDbClient(stack);

    // Act
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: stack.tableName }));
    const { TimeToLiveDescription } = await dynamo.send(
      new DescribeTimeToLiveCommand({ TableName: stack.tableName })
    );
    dynamo.destroy();

    // Assess
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = Object.values(TABLE.indexes).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
    }));
    expect(Table?.GlobalSecondaryIndexes).toEqual(
      indexes.map((index) => expect.objectContaining(index))
    );
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: TABLE.ttlAttribute,
    });
  });

  it('creates the user pool with PASSWORD_POLICY and email sign-in', async () => {
    // Prepare
    const cognito = createCognitoClient(stack);

    // Act
    const { UserPool } = await cognito.send(
      new DescribeUserPoolCommand({ UserPoolId: stack.userPoolId })
    );
    cognito.destroy();

    // Assess
    expect(UserPool?.Policies?.PasswordPolicy).toEqual({
      MinimumLength: PASSWORD_POLICY.minLength,
      RequireLowercase: PASSWORD_POLICY.requireLowercase,
      RequireUppercase: PASSWORD_POLICY.requireUppercase,
      RequireNumbers: PASSWORD_POLICY.requireDigits,
      RequireSymbols: PASSWORD_POLICY.requireSymbols,
      TemporaryPasswordValidityDays: PASSWORD_POLICY.temporaryPasswordValidityDays,
    });
    expect(UserPool?.UsernameAttributes).toEqual(['email']);
    expect(UserPool?.AutoVerifiedAttributes).toEqual(['email']);
  });

  it('creates a portal app client without a secret that allows password and refresh auth', async () => {
    // Prepare
    const cognito = createCognitoClient(stack);

    // Act
    const { UserPoolClient } = await cognito.send(
      new DescribeUserPoolClientCommand({
        UserPoolId: stack.userPoolId,
        ClientId: stack.userPoolClientId,
      })
    );
    cognito.destroy();

    // Assess
    expect(UserPoolClient?.ClientSecret).toBeUndefined();
    expect(UserPoolClient?.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'])
    );
  });

  it('issues access tokens whose issuer is the stack issuer, with keys at the JWKS URI', async () => {
    // Prepare
    const email = uniqueEmail('issuer');
    await createLogin(stack, email);

    // Act
    const token = await signIn(stack, email);
    const jwks = (await (await fetch(stack.jwksUri)).json()) as { keys: unknown[] };

    // Assess
    expect(decodeJwtPayload(token)).toMatchObject({
      iss: stack.issuer,
      token_use: 'access',
      client_id: stack.userPoolClientId,
    });
    expect(jwks.keys.length).toBeGreaterThan(0);
  });

  it('creates the staff pool with PASSWORD_POLICY, username sign-in and TOTP as the factor', async () => {
    // Prepare
    const cognito = createCognitoClient(stack);

    // Act
    const { UserPool } = await cognito.send(
      new DescribeUserPoolCommand({ UserPoolId: stack.staffUserPoolId })
    );
    const mfa = await cognito.send(
      new GetUserPoolMfaConfigCommand({ UserPoolId: stack.staffUserPoolId })
    );
    const { UserPool: clientPool } = await cognito.send(
      new DescribeUserPoolCommand({ UserPoolId: stack.userPoolId })
    );
    cognito.destroy();

    // Assess
    expect(UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(PASSWORD_POLICY.minLength);
    expect(UserPool?.UsernameAttributes ?? []).toEqual([]);
    expect(mfa).toMatchObject({
      MfaConfiguration: LOCAL_STAFF_MFA_CONFIGURATION,
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(clientPool?.UsernameAttributes).toEqual(['email']);
    expect(clientPool?.MfaConfiguration).toBe('OFF');
  });

  it('seeds the demo staff login, which signs in with the demo password and its TOTP code', async () => {
    // Prepare
    const cognito = createCognitoClient(stack);

    // Act
    const tokens = await signInStaff(cognito, stack.staffUserPoolClientId, {
      ...stack.demoStaff,
      password: stack.demoPassword,
    }).finally(() => cognito.destroy());

    // Assess
    expect(decodeJwtPayload(tokens.AccessToken ?? '')).toMatchObject({
      iss: stack.staffIssuer,
      client_id: stack.staffUserPoolClientId,
      username: 'staff@portico.example',
    });
  });

  it('seeds demo logins that sign in with the demo password', async () => {
    // Prepare
    const [first] = stack.demoLogins;

    // Act
    const token = first && (await signIn(stack, first.email, { password: stack.demoPassword }));

    // Assess
    expect(stack.demoLogins.length).toBeGreaterThan(0);
    expect(token).toEqual(expect.any(String));
  });
});
