/**
 * The contact side of an invitation its login's owner answers: written
 * without reading the contact first, each only while the contact still
 * names that login (a withdrawn invitation or a removed contact is left
 * alone), moving the contact's version like every other change.
 */
import type { TransactItem, TransactUpdate } from '../table/db.ts';
import { TABLE } from '../table/table.ts';
import { contactKeys } from './contact.ts';

interface ContactLogin {
  accountId: string;
  contactId: string;
  loginId: string;
}

const stillThisLogin = (loginId: string) => ({
  ConditionExpression: 'attribute_exists(#pk) AND #loginId = :loginId',
  names: { '#pk': TABLE.partitionKey, '#loginId': 'loginId' },
  values: { ':loginId': loginId },
});

/** Accepted: a sub-account becomes active; a holder's contact only moves its version. */
export const acceptedContactUpdate = (
  ids: ContactLogin,
  holder: boolean,
  now: string
): TransactUpdate => {
  const condition = stillThisLogin(ids.loginId);
  return {
    Key: contactKeys(ids),
    UpdateExpression: holder
      ? 'SET #version = #version + :one, #updatedAt = :now'
      : 'SET #sub.#status = :active, #version = #version + :one, #updatedAt = :now',
    ConditionExpression: holder
      ? condition.ConditionExpression
      : `${condition.ConditionExpression} AND #sub.#status = :invited`,
    ExpressionAttributeNames: {
      ...condition.names,
      '#version': 'version',
      '#updatedAt': 'updatedAt',
      ...(holder ? {} : { '#sub': 'subAccount', '#status': 'status' }),
    },
    ExpressionAttributeValues: {
      ...condition.values,
      ':one': 1,
      ':now': now,
      ...(holder ? {} : { ':active': 'active', ':invited': 'invited' }),
    },
  };
};

/** Declined: the contact stays, without a login or a sub-account. */
export const declinedContactUpdate = (
  ids: ContactLogin,
  now: string
): NonNullable<TransactItem['Update']> => {
  const condition = stillThisLogin(ids.loginId);
  return {
    Key: contactKeys(ids),
    // A pending email change was the login's; it leaves with it.
    UpdateExpression:
      'SET #sub = :none, #version = #version + :one, #updatedAt = :now REMOVE #loginId, #change',
    ConditionExpression: condition.ConditionExpression,
    ExpressionAttributeNames: {
      ...condition.names,
      '#change': 'emailChange',
      '#sub': 'subAccount',
      '#version': 'version',
      '#updatedAt': 'updatedAt',
    },
    ExpressionAttributeValues: { ...condition.values, ':one': 1, ':none': null, ':now': now },
  };
};
