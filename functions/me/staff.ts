/**
 * "Who am I" for a staff login. The access token carries only `sub` and
 * `username`; the email and name live in the staff pool. Cognito's GetUser
 * returns them for the token's own user, authorised by the token itself:
 * the function needs no IAM grant on the staff pool, no SDK client in its
 * bundle (GetUser is one unsigned JSON call), and Cognito refuses a token
 * that a sign-out has revoked. Staff have no DynamoDB profile.
 */

import type { StaffCaller } from '#core/access/caller';
import { readStaffPoolConfig } from '#core/platform/config';
import { UnauthorizedError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';

const pool = readStaffPoolConfig();
const endpoint = pool.endpoint ?? `https://cognito-idp.${pool.region}.amazonaws.com/`;

interface GetUserResponse {
  Username?: string;
  UserAttributes?: { Name?: string; Value?: string }[];
}

/** Cognito's answers that mean "this token no longer names a live login". */
const REFUSED = new Set(['NotAuthorizedException', 'UserNotFoundException']);

const getUser = async (accessToken: string): Promise<GetUserResponse> => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser',
    },
    body: JSON.stringify({ AccessToken: accessToken }),
    signal: AbortSignal.timeout(3000),
  });
  const body = (await response.json().catch(() => ({}))) as GetUserResponse & { __type?: string };
  if (response.ok) return body;
  // `__type` may carry a namespace: `com.amazonaws...#NotAuthorizedException`.
  const type = String(body.__type ?? response.headers.get('x-amzn-errortype') ?? '')
    .split(/[#:]/)
    .find((part) => part.endsWith('Exception'));
  if (type && REFUSED.has(type)) {
    throw new UnauthorizedError(
      PROBLEM.staffLoginInactive,
      'This staff login was signed out, disabled or removed.'
    );
  }
  throw new Error(`Cognito GetUser answered ${response.status} ${type ?? ''}`.trim());
};

export const describeStaffLogin = async (caller: StaffCaller, accessToken: string) => {
  const user = await getUser(accessToken);
  const attribute = (name: string) =>
    user.UserAttributes?.find((a) => a.Name === name)?.Value?.trim() ?? '';
  const name = [attribute('given_name'), attribute('family_name')].filter(Boolean).join(' ');
  return {
    id: caller.staffId,
    username: caller.username,
    email: attribute('email'),
    name: name || caller.username,
  };
};
