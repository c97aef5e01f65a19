/**
 * Membership: a login's place in one account (role, permissions, status).
 * Keyed by login so the authorizer finds it with one GetItem from the token's
 * `sub` and the path's account id.
 */
import { ROLES } from '../rules/permissions.ts';
import type { TransactItem, TransactUpdate } from '../table/db.ts';
import type { GetInput, PutInput, QueryInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import {
  attributesOf,
  type EntityOf,
  integer,
  oneOf,
  optional,
  readItem,
  text,
  textList,
  withDefault,
} from './attributes.ts';
import { SUPPORT_SCOPES, type SupportScope } from './contact.ts';
import { createPut, patchIfExists } from './item-writes.ts';

/**
 * `invited`: the account asked this login to join and its owner has not
 * accepted yet (the login's own consent, see functions/me/invitations.ts);
 * an invited membership opens nothing and /me lists it apart.
 */
export const MEMBERSHIP_STATUSES = ['active', 'suspended', 'invited'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** What a membership item holds, declared once: the type and the item mapping derive from it. */
export const MEMBERSHIP_ATTRIBUTES = {
  loginId: text(),
  accountId: text(),
  contactId: text(),
  role: oneOf(ROLES),
  permissions: withDefault(textList(), []),
  status: oneOf(MEMBERSHIP_STATUSES),
  /** Denormalised so account reads need no extra lookup; rewritten if the primary ever changes. */
  primaryContactId: text(),
  /**
   * The contact's support scope and assigned services, denormalised (written
   * in the same transaction as the contact) so ticket visibility needs no
   * read beyond the membership. Items older than the scope read as the
   * primary's `global` or everyone else's `none`.
   */
  supportScope: withDefault(
    oneOf(SUPPORT_SCOPES),
    (item): SupportScope => (item.role === 'primary' ? 'global' : 'none')
  ),
  supportServiceIds: withDefault(textList(), []),
  /**
   * Sessions that started before this time (epoch seconds, the token's
   * `auth_time`) are refused: set when the login's password is replaced
   * because its mailbox owner took it over (see login.ts).
   */
  sessionsNotBefore: optional(integer()),
  createdAt: text(),
  updatedAt: text(),
};

export type Membership = EntityOf<typeof MEMBERSHIP_ATTRIBUTES>;

export const membershipKeys = ({ loginId, accountId }: { loginId: string; accountId: string }) => ({
  [TABLE.partitionKey]: `${PREFIX.login}${loginId}`,
  [TABLE.sortKey]: `${PREFIX.account}${accountId}`,
});

export const toMembershipItem = (membership: Membership) => ({
  ...membershipKeys(membership),
  entity: 'membership',
  ...attributesOf(MEMBERSHIP_ATTRIBUTES, membership),
});

export const fromMembershipItem = (item: Record<string, unknown>): Membership =>
  readItem('membership', MEMBERSHIP_ATTRIBUTES, item);

export const getMembershipCommand = (ids: { loginId: string; accountId: string }): GetInput => ({
  Key: membershipKeys(ids),
  ConsistentRead: true,
});

/** create: refuses to overwrite an existing membership. */
export const createMembershipPut = (membership: Membership): PutInput =>
  createPut(toMembershipItem(membership));

/** Access pattern `loginPartition`: the login's profile and all its memberships in one Query. */
export const loginPartitionQuery = (loginId: string): QueryInput => ({
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
  ExpressionAttributeValues: { ':pk': `${PREFIX.login}${loginId}` },
  ConsistentRead: true,
});

export const isMembershipItem = (item: Record<string, unknown>) => item.entity === 'membership';

/** Removes a login from an account (the login itself and its other accounts stay). */
export const deleteMembershipDelete = (ids: {
  loginId: string;
  accountId: string;
}): NonNullable<TransactItem['Delete']> => ({
  Key: membershipKeys(ids),
});

/**
 * patch: a membership's permissions, status and/or support mirror (the
 * contact's scope and assigned service ids), only if it still exists.
 */
export const patchMembershipUpdate = (
  ids: { loginId: string; accountId: string },
  change: {
    permissions?: string[];
    status?: MembershipStatus;
    supportScope?: SupportScope;
    supportServiceIds?: string[];
    sessionsNotBefore?: number;
    updatedAt: string;
  }
): TransactUpdate => patchIfExists(membershipKeys(ids), change);

/**
 * The membership still reaches `serviceId` for support (global scope, or
 * isolated with the service assigned): checked in the transaction of a
 * ticket about that service, so a reset racing the ticket cannot slip by.
 */
export const supportReachCheck = (
  ids: { loginId: string; accountId: string },
  serviceId: string
): NonNullable<TransactItem['ConditionCheck']> => ({
  Key: membershipKeys(ids),
  ConditionExpression:
    '#status = :active AND (#scope = :global OR (#scope = :isolated AND contains(#ids, :service)))',
  ExpressionAttributeNames: {
    '#status': 'status',
    '#scope': 'supportScope',
    '#ids': 'supportServiceIds',
  },
  ExpressionAttributeValues: {
    ':active': 'active',
    ':global': 'global',
    ':isolated': 'isolated',
    ':service': serviceId,
  },
});

/**
 * The owner accepts an invitation: only a membership still `invited`
 * becomes active (a withdrawn or already accepted one is left alone).
 */
export const acceptMembershipUpdate = (
  ids: { loginId: string; accountId: string },
  now: string,
  /** The login's session cut-off, so sessions ended before the membership existed stay ended. */
  sessionsNotBefore = 0
): TransactUpdate => ({
  Key: membershipKeys(ids),
  UpdateExpression: 'SET #status = :active, #updatedAt = :now, #notBefore = :notBefore',
  ConditionExpression: '#status = :invited',
  ExpressionAttributeNames: {
    '#status': 'status',
    '#updatedAt': 'updatedAt',
    '#notBefore': 'sessionsNotBefore',
  },
  ExpressionAttributeValues: {
    ':active': 'active',
    ':invited': 'invited',
    ':now': now,
    ':notBefore': sessionsNotBefore,
  },
});

/** The owner declines an invitation: removes the membership only while still `invited`. */
export const declineMembershipDelete = (ids: {
  loginId: string;
  accountId: string;
}): NonNullable<TransactItem['Delete']> => ({
  Key: membershipKeys(ids),
  ConditionExpression: '#status = :invited',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':invited': 'invited' },
});
