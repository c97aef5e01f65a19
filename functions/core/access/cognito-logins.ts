/**
 * Cognito side of sub-accounts. Cognito is the registry of logins: an email
 * already taken there means the person has a login (one person, one login)
 * and the new membership links to it.
 */
import { AdminDeleteUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognito, userPoolId } from '../platform/clients/cognito.ts';
import { createOrFindUser } from './cognito-users.ts';

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
  const { sub, created } = await createOrFindUser(cognito(), userPoolId, {
    ...person,
    username: person.email,
  });
  return { loginId: sub, created };
};

/** Undoes a login created for a change that then failed to commit. */
export const deleteLogin = async (loginId: string) => {
  await cognito().send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: loginId }));
};
