/**
 * The feedback function's one write to a contact: what SES reported of its
 * address. Only while the contact still has that address, and only once
 * per address (the first report stands, as for the suppression item), so
 * a replayed report changes nothing. The version moves, so an API change
 * that read the contact before it fails as stale instead of writing the
 * old image back over the status.
 */
import type { ContactEmailStatus } from '../rules/email-status.ts';
import type { UpdateInput } from '../table/inputs.ts';
import { TABLE } from '../table/table.ts';
import { type Contact, contactKeys } from './contact.ts';

export const markContactEmailStatusUpdate = (
  contact: Pick<Contact, 'accountId' | 'id' | 'email'>,
  emailStatus: ContactEmailStatus
): UpdateInput => ({
  Key: contactKeys({ accountId: contact.accountId, contactId: contact.id }),
  UpdateExpression: 'SET #emailStatus = :emailStatus, #version = #version + :one',
  ConditionExpression:
    'attribute_exists(#pk) AND #email = :email AND (attribute_not_exists(#emailStatus) OR #emailStatus.#address <> :address)',
  ExpressionAttributeNames: {
    '#pk': TABLE.partitionKey,
    '#email': 'email',
    '#emailStatus': 'emailStatus',
    '#address': 'address',
    '#version': 'version',
  },
  ExpressionAttributeValues: {
    ':emailStatus': emailStatus,
    ':email': contact.email,
    ':address': emailStatus.address,
    ':one': 1,
  },
});
