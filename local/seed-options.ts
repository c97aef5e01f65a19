/** What seeding the demo data needs: the user pool its logins go to, and their password. */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export interface SeedOptions {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  password: string;
}
