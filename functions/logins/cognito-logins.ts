/**
 * Cognito side of sub-accounts. Cognito is the registry of logins: an email
 * already taken there means the person has a login (one person, one login)
 * and the new membership links to it.
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognito, userPoolId } from '#core/clients/cognito';
import { logger } from '#core/observability';

const subOf = (attributes: AttributeType[] | undefined): string => {
  const sub = attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito returned a user without a sub');
  return sub;
};

export interface LoginResult {
  loginId: string;
  created: boolean;
}

/**
 * Creates a login whose first sign-in must replace `temporaryPassword`, or
 * finds the existing login of that email.
 */
export const createOrFindLogin = async (person: {
  email: string;
  firstName: string;
  lastName: string;
  temporaryPassword: string;
}): Promise<LoginResult> => {
  try {
    const { User } = await cognito().send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: person.email,
        TemporaryPassword: person.temporaryPassword,
        // Portico sends its own invitation; Cognito's would go out for the password flow too.
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: person.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'given_name', Value: person.firstName },
          { Name: 'family_name', Value: person.lastName },
        ],
      })
    );
    return { loginId: subOf(User?.Attributes), created: true };
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'UsernameExistsException') throw error;
    const user = await cognito().send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: person.email })
    );
    return { loginId: subOf(user.UserAttributes), created: false };
  }
};

/** Undoes a login created for a change that then failed to commit. */
export const deleteLogin = async (loginId: string) => {
  await cognito().send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: loginId }));
};

/**
 * Ends the login's sessions where Cognito allows it. Best effort: the live
 * membership check already refuses the next request, token or not.
 */
export const signOutEverywhere = async (loginId: string) => {
  try {
    await cognito().send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: loginId })
    );
  } catch (error) {
    logger.warn('global sign-out failed; the membership check still applies', { loginId, error });
  }
};
