import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  LOGIN_ATTRIBUTES,
  PASSWORD_POLICY,
  STAFF_TOKEN_VALIDITY_MINUTES,
  TOKEN_VALIDITY_MINUTES,
} from '#core/access/user-pool';
import { TABLE } from '#core/table/table';
import { logicalIdOf, stageConfig, synthStateful } from './app.ts';

const { stack: stateful, template } = synthStateful('dev');

describe('PorticoTable', () => {
  it('keys the table and its indexes exactly as functions/core/table/table.ts declares', () => {
    // Prepare
    const indexes = Object.values(TABLE.indexes);

    // Act
    const table = template.findResources('AWS::DynamoDB::Table');

    // Assess
    expect(Object.keys(table)).toHaveLength(1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      AttributeDefinitions: Match.arrayWith(
        [
          TABLE.partitionKey,
          TABLE.sortKey,
          ...indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
        ].map((name) => ({ AttributeName: name, AttributeType: 'S' }))
      ),
    });
  });

  it('bills on demand, streams both images, expires items by the TTL attribute and keeps PITR on', () => {
    // Prepare
    const expected = {
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    };

    // Act
    const check = () => template.hasResourceProperties('AWS::DynamoDB::Table', expected);

    // Assess
    expect(check).not.toThrow();
  });

  it('retains the table on stack deletion and protects it from deletion', () => {
    // Prepare
    const expected = {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    };

    // Act
    const check = () => template.hasResource('AWS::DynamoDB::Table', expected);

    // Assess
    expect(check).not.toThrow();
  });
});

/** PASSWORD_POLICY as CloudFormation spells it on both user pools. */
const EXPECTED_PASSWORD_POLICY = {
  MinimumLength: PASSWORD_POLICY.minLength,
  RequireLowercase: PASSWORD_POLICY.requireLowercase,
  RequireUppercase: PASSWORD_POLICY.requireUppercase,
  RequireNumbers: PASSWORD_POLICY.requireDigits,
  RequireSymbols: PASSWORD_POLICY.requireSymbols,
  TemporaryPasswordValidityDays: PASSWORD_POLICY.temporaryPasswordValidityDays,
};

describe('ClientAuth', () => {
  it('enforces PASSWORD_POLICY on the client user pool', () => {
    // Act
    const check = () =>
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        Policies: { PasswordPolicy: EXPECTED_PASSWORD_POLICY },
      });

    // Assess
    expect(check).not.toThrow();
  });

  it('lets nobody sign up on their own and signs logins in by email', () => {
    // Prepare
    const schema = [
      { Name: 'email', ...LOGIN_ATTRIBUTES.email },
      { Name: 'given_name', ...LOGIN_ATTRIBUTES.givenName },
      { Name: 'family_name', ...LOGIN_ATTRIBUTES.familyName },
    ].map(({ Name, required, mutable }) => ({ Name, Required: required, Mutable: mutable }));

    // Act
    const check = () =>
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        Schema: schema,
      });

    // Assess
    expect(check).not.toThrow();
  });

  it('gives the portal client the dev stage flows and token lifetimes and hides whether a user exists', () => {
    // Prepare
    const flows = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

    // Act
    const check = () =>
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        ExplicitAuthFlows: flows,
        PreventUserExistenceErrors: 'ENABLED',
        AccessTokenValidity: TOKEN_VALIDITY_MINUTES.access,
        IdTokenValidity: TOKEN_VALIDITY_MINUTES.id,
        RefreshTokenValidity: TOKEN_VALIDITY_MINUTES.refreshDays * 24 * 60,
      });

    // Assess
    expect(check).not.toThrow();
  });

  it('retains the user pool on stack deletion and protects it from deletion', () => {
    // Prepare
    const expected = {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    };

    // Act
    const check = () => template.hasResource('AWS::Cognito::UserPool', expected);

    // Assess
    expect(check).not.toThrow();
  });

  it('lets prod front ends sign in with SRP only: no password is sent to Cognito in the clear', () => {
    // Prepare
    const prodClients = synthStateful('prod').template;

    // Act
    const clients = Object.values(prodClients.findResources('AWS::Cognito::UserPoolClient'));

    // Assess
    expect(clients).toHaveLength(2);
    for (const client of clients) {
      expect(client.Properties.ExplicitAuthFlows).toEqual([
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]);
    }
  });

  it('buys the Lite tier by default and enforces threat protection only where the stage buys Plus', () => {
    // Prepare
    const prod = stageConfig('prod');
    const plus = { ...prod, userPool: { ...prod.userPool, featurePlan: 'plus' as const } };

    // Act
    const plusPools = synthStateful('prod', plus).template;

    // Assess
    plusPools.resourcePropertiesCountIs(
      'AWS::Cognito::UserPool',
      { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } },
      2
    );
    template.resourcePropertiesCountIs(
      'AWS::Cognito::UserPool',
      { UserPoolTier: 'LITE', UserPoolAddOns: Match.absent() },
      2
    );
  });
});

describe('StaffAuth', () => {
  const staffPool = () => {
    const resource = template.toJSON().Resources[logicalIdOf(stateful.staffAuth.userPool)];
    if (!resource) throw new Error('no staff user pool');
    return resource;
  };
  const staffClient = () =>
    template.toJSON().Resources[logicalIdOf(stateful.staffAuth.client)]?.Properties;

  it('requires MFA on the staff pool, with TOTP as the only second factor', () => {
    // Act
    const { Properties } = staffPool();

    // Assess
    expect(Properties.MfaConfiguration).toBe('ON');
    expect(Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(Properties.SmsConfiguration).toBeUndefined();
  });

  it('lets no staff member sign up, signs in by username and enforces PASSWORD_POLICY', () => {
    // Act
    const { Properties } = staffPool();

    // Assess
    expect(Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameConfiguration: { CaseSensitive: false },
      Policies: { PasswordPolicy: EXPECTED_PASSWORD_POLICY },
    });
    expect(Properties.UsernameAttributes).toBeUndefined();
    expect(Properties.AliasAttributes).toBeUndefined();
  });

  it('retains the staff pool on stack deletion and protects it from deletion', () => {
    // Act
    const pool = staffPool();

    // Assess
    expect(pool).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { DeletionProtection: 'ACTIVE' },
    });
  });

  it('gives the staff console client its own short refresh and hides whether a user exists', () => {
    // Act
    const client = staffClient();

    // Assess
    expect(client).toMatchObject({
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AccessTokenValidity: STAFF_TOKEN_VALIDITY_MINUTES.access,
      IdTokenValidity: STAFF_TOKEN_VALIDITY_MINUTES.id,
      RefreshTokenValidity: STAFF_TOKEN_VALIDITY_MINUTES.refreshDays * 24 * 60,
      UserPoolId: { Ref: logicalIdOf(stateful.staffAuth.userPool) },
    });
  });

  it('exports the staff pool and client ids', () => {
    // Act
    const outputs = template.toJSON().Outputs;

    // Assess
    expect(outputs.StaffUserPoolId.Value).toEqual({
      Ref: logicalIdOf(stateful.staffAuth.userPool),
    });
    expect(outputs.StaffUserPoolClientId.Value).toEqual({
      Ref: logicalIdOf(stateful.staffAuth.client),
    });
  });
});

describe('StatefulStack', () => {
  it('keeps the logical ids of the table, the user pools and their app clients', () => {
    // Prepare
    const pinned = {
      table: 'TableCD117FA1',
      userPool: 'ClientAuthUserPool2C40AC5B',
      client: 'ClientAuthUserPoolPortalClientBC6EEBD1',
      staffPool: 'StaffAuthUserPool904E63E9',
      staffClient: 'StaffAuthUserPoolConsoleClientA2CE9CBB',
    };

    // Act
    const actual = {
      table: logicalIdOf(stateful.table),
      userPool: logicalIdOf(stateful.auth.userPool),
      client: logicalIdOf(stateful.auth.client),
      staffPool: logicalIdOf(stateful.staffAuth.userPool),
      staffClient: logicalIdOf(stateful.staffAuth.client),
    };

    // Assess
    expect(actual).toEqual(pinned);
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    expect(template.findResources('AWS::DynamoDB::Table')).toHaveProperty(pinned.table);
    expect(template.findResources('AWS::Cognito::UserPool')).toHaveProperty(pinned.userPool);
    expect(template.findResources('AWS::Cognito::UserPool')).toHaveProperty(pinned.staffPool);
  });

  it('is protected against termination', () => {
    // Prepare
    const stack = stateful;

    // Act
    const protectedStack = stack.terminationProtection;

    // Assess
    expect(protectedStack).toBe(true);
  });
});
