/**
 * A Cognito user as Portico creates one: email verified, the person's names,
 * no mail from Cognito; or the user that already holds the username (one
 * person, one login). The client and pool are passed in, so the logins
 * function and the local stack's seeding share it without reading config.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

export interface NewCognitoUser {
  /** The sign-in name: the email for portal logins, the work email for staff. */
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  /** To be replaced at the first sign-in; without one the caller sets a password itself. */
  temporaryPassword?: string;
}

const subOf = (attributes: AttributeType[] | undefined): string => {
  const sub = attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito returned a user without a sub');
  return sub;
};

/** The user's `sub`, and whether this call created the user. */
export const createOrFindUser = async (
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  user: NewCognitoUser
): Promise<{ sub: string; created: boolean }> => {
  try {
    const { User } = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.username,
        TemporaryPassword: user.temporaryPassword,
        // Portico sends its own invitation; Cognito's would go out for the password flow too.
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'given_name', Value: user.firstName },
          { Name: 'family_name', Value: user.lastName },
        ],
      })
    );
    return { sub: subOf(User?.Attributes), created: true };
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'UsernameExistsException') throw error;
    const existing = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.username })
    );
    return { sub: subOf(existing.UserAttributes), created: false };
  }
};
