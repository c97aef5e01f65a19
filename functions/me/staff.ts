/**
 * "Who am I" for a staff login. The access token carries only `sub` and
 * `username`; the email and name live in the staff pool, so this reads them
 * with one AdminGetUser (the only Cognito action the me function holds on
 * that pool). Staff have no DynamoDB profile.
 */
import { AdminGetUserCommand, type AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { staffCognito, staffPoolId } from '#core/clients/staff-cognito';
import { UnauthorizedError } from '#core/errors';
import type { StaffCaller } from '#core/http/types';

const attribute = (attributes: AttributeType[] | undefined, name: string): string =>
  attributes?.find((a) => a.Name === name)?.Value?.trim() ?? '';

export const describeStaffLogin = async (caller: StaffCaller) => {
  const user = await staffCognito()
    .send(new AdminGetUserCommand({ UserPoolId: staffPoolId, Username: caller.username }))
    .catch((error: unknown) => {
      // Deleted since the token was issued: the token outlives the login, the answer must not.
      if (error instanceof Error && error.name === 'UserNotFoundException') return undefined;
      throw error;
    });
  if (!user || user.Enabled === false) {
    throw new UnauthorizedError('This staff login no longer exists or is disabled.');
  }
  const attributes = user.UserAttributes;
  const name = [attribute(attributes, 'given_name'), attribute(attributes, 'family_name')]
    .filter(Boolean)
    .join(' ');
  return {
    id: caller.staffId,
    username: caller.username,
    email: attribute(attributes, 'email'),
    name: name || caller.username,
  };
};
