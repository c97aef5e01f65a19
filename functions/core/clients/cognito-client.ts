/**
 * A Cognito client built on first use, as most requests of a function that
 * may call Cognito never do. Shared by the client pool and staff pool modules.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export const lazyCognitoClient = (config: { region: string; endpoint?: string }) => {
  let client: CognitoIdentityProviderClient | undefined;
  return (): CognitoIdentityProviderClient => {
    // The emulator answers some operations with HTTP 500; one attempt keeps failures fast and visible.
    client ??= new CognitoIdentityProviderClient({
      region: config.region,
      endpoint: config.endpoint,
      maxAttempts: config.endpoint ? 1 : 3,
    });
    return client;
  };
};
