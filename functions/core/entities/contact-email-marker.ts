/**
 * Contact-email marker: one contact per normalised address within an
 * account, so a mail from an address names one contact (inbound tickets)
 * and a portal never shows the same person twice. Written in the same
 * transaction as the contact it names; contacts stored before markers
 * existed simply have none until their address changes.
 */
import type { TransactItem } from '../table/db.ts';
import type { PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { normaliseEmail } from './contact.ts';
import { createPut } from './item-writes.ts';

interface ContactAddress {
  accountId: string;
  email: string;
  contactId: string;
}

export const contactEmailKeys = ({ accountId, email }: Omit<ContactAddress, 'contactId'>) => ({
  [TABLE.partitionKey]: `${PREFIX.contactEmail}${accountId}#${normaliseEmail(email)}`,
  [TABLE.sortKey]: PREFIX.contactEmail.slice(0, -1),
});

/** create: refuses an address another contact of the account holds, handing that one back (ALL_OLD). */
export const claimContactEmailPut = (marker: ContactAddress & { createdAt: string }): PutInput => ({
  ...createPut({
    ...contactEmailKeys(marker),
    entity: 'contactEmail',
    accountId: marker.accountId,
    email: normaliseEmail(marker.email),
    contactId: marker.contactId,
    createdAt: marker.createdAt,
  }),
  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
});

/** Releases an address, only if it is still this contact's (or was never marked). */
export const releaseContactEmailDelete = (
  marker: ContactAddress
): NonNullable<TransactItem['Delete']> => ({
  Key: contactEmailKeys(marker),
  ConditionExpression: 'attribute_not_exists(#pk) OR #contactId = :contactId',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#contactId': 'contactId' },
  ExpressionAttributeValues: { ':contactId': marker.contactId },
});
