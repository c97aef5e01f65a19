/**
 * The one place that decides whether a login may act on an account: the
 * live membership item (not the token) is what counts, on every request.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './clients/dynamodb.ts';
import { contactDisplayName, contactKeys, fromContactItem } from './entities/contact.ts';
import { sessionStillValid } from './entities/login.ts';
import {
  fromMembershipItem,
  getMembershipCommand,
  type Membership,
} from './entities/membership.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from './errors.ts';
import { allowedAreas, mayOpen } from './permissions.ts';

/** Same answer for "no such account" and "not yours": existence is never revealed. */
const notAMember = () => new NotFoundError('The account does not exist.');

/** The session began before the login's password was taken over by its mailbox owner. */
export const sessionEnded = () =>
  new UnauthorizedError('This session has ended; sign in again with your current password.');

export const authorizeMember = async (
  loginId: string,
  accountId: string,
  { area, primaryOnly = false }: { area: string; primaryOnly?: boolean },
  authTime: number
): Promise<Membership> => {
  const { Item } = await dynamo.send(
    new GetCommand(getMembershipCommand(tableName, { loginId, accountId }))
  );
  if (!Item) throw notAMember();
  const membership = fromMembershipItem(Item);
  // Until its owner accepts, an invitation opens nothing, and says nothing either.
  if (membership.status === 'invited') throw notAMember();
  if (!sessionStillValid(membership, authTime)) throw sessionEnded();
  if (membership.status !== 'active') {
    throw new ForbiddenError(
      'Your login is suspended on this account. Ask the account holder to restore it.',
      { area, allowedAreas: [], grantedBy: await grantorOf(membership) }
    );
  }
  if (!mayOpen(membership, area)) {
    throw new ForbiddenError(`Your login may not open "${area}" on this account.`, {
      area,
      allowedAreas: allowedAreas(membership),
      grantedBy: await grantorOf(membership),
    });
  }
  if (primaryOnly && membership.role !== 'primary') {
    throw new ForbiddenError('Only the primary login (the account holder) may do this.', {
      area,
      allowedAreas: allowedAreas(membership),
      grantedBy: await grantorOf(membership),
    });
  }
  return membership;
};

/** The primary contact's name, so a denied user knows whom to ask. */
const grantorOf = async (membership: Membership): Promise<{ name: string }> => {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: tableName,
      Key: contactKeys({ accountId: membership.accountId, contactId: membership.primaryContactId }),
    })
  );
  return { name: Item ? contactDisplayName(fromContactItem(Item)) : 'the account holder' };
};

/**
 * A 403 for a rule a route checks itself (after the area check passed): the
 * same shape as the authorizer's, one more read on this error path only.
 */
export const refusal = async (membership: Membership, area: string, detail: string) =>
  new ForbiddenError(detail, {
    area,
    allowedAreas: allowedAreas(membership),
    grantedBy: await grantorOf(membership),
  });
