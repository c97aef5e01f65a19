/**
 * Contract-number marker: makes a contract number unique across accounts and
 * lets the account-request wizard find the account that holds it.
 */
import type { PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { createPut } from './item-writes.ts';

/** Contract numbers are matched case-insensitively and without surrounding spaces. */
export const normaliseContractNumber = (contractNumber: string) =>
  contractNumber.trim().toUpperCase();

export const contractMarkerKeys = (contractNumber: string) => ({
  [TABLE.partitionKey]: `${PREFIX.contractNumber}${normaliseContractNumber(contractNumber)}`,
  [TABLE.sortKey]: PREFIX.contractNumber.slice(0, -1),
});

/** create: a contract number belongs to exactly one account. */
export const createContractMarkerPut = (marker: {
  contractNumber: string;
  accountId: string;
  createdAt: string;
}): PutInput =>
  createPut({
    ...contractMarkerKeys(marker.contractNumber),
    entity: 'contractMarker',
    contractNumber: normaliseContractNumber(marker.contractNumber),
    accountId: marker.accountId,
    createdAt: marker.createdAt,
  });
