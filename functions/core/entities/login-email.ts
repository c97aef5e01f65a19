/**
 * Login-email marker: one login per email address across Portico (one
 * person, one login). Written with the login and moved, in one transaction,
 * when a login email change is confirmed.
 */
import type { TransactItem } from '../table/db.ts';
import type { PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { normaliseEmail } from './contact.ts';
import { createPut } from './item-writes.ts';

export const loginEmailKeys = (email: string) => ({
  [TABLE.partitionKey]: `${PREFIX.loginEmail}${normaliseEmail(email)}`,
  [TABLE.sortKey]: PREFIX.loginEmail.slice(0, -1),
});

/** create: refuses an address another login already holds. */
export const createLoginEmailPut = (marker: {
  email: string;
  loginId: string;
  createdAt: string;
}): PutInput =>
  createPut({
    ...loginEmailKeys(marker.email),
    entity: 'loginEmail',
    email: normaliseEmail(marker.email),
    loginId: marker.loginId,
    createdAt: marker.createdAt,
  });

/** Releases an address, only if it is still this login's. */
export const releaseLoginEmailDelete = (marker: {
  email: string;
  loginId: string;
}): NonNullable<TransactItem['Delete']> => ({
  Key: loginEmailKeys(marker.email),
  ConditionExpression: 'attribute_not_exists(#pk) OR #loginId = :loginId',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#loginId': 'loginId' },
  ExpressionAttributeValues: { ':loginId': marker.loginId },
});
