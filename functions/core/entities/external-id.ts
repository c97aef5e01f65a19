/**
 * External-id marker: the operators' id of an account, a service or an
 * invoice (their billing system's), pointing at Portico's item. Written in
 * the same transaction as the item it points to, with `attribute_not_exists`,
 * so loading the same external id twice can never create two items.
 */
import type { GetInput, PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { attributesOf, type EntityOf, oneOf, optional, readItem, text } from './attributes.ts';
import { createPut } from './item-writes.ts';

export const EXTERNAL_KINDS = ['account', 'service', 'invoice'] as const;
export type ExternalKind = (typeof EXTERNAL_KINDS)[number];

/** What a externalId item holds, declared once: the type and the item mapping derive from it. */
export const EXTERNAL_ID_ATTRIBUTES = {
  kind: oneOf(EXTERNAL_KINDS),
  externalId: text(),
  accountId: text(),
  /** The service an `EXTERNAL#service#…` marker points at. */
  serviceId: optional(text()),
  createdAt: text(),
};

export type ExternalIdMarker = EntityOf<typeof EXTERNAL_ID_ATTRIBUTES>;

export const externalIdKeys = (kind: ExternalKind, externalId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.externalId}${kind}#${externalId}`,
  [TABLE.sortKey]: PREFIX.externalId.slice(0, -1),
});

export const getExternalIdCommand = (kind: ExternalKind, externalId: string): GetInput => ({
  Key: externalIdKeys(kind, externalId),
  ConsistentRead: true,
});

/** create: an external id names exactly one item, for good. */
export const createExternalIdPut = (marker: ExternalIdMarker): PutInput =>
  createPut({
    ...externalIdKeys(marker.kind, marker.externalId),
    entity: 'externalId',
    ...attributesOf(EXTERNAL_ID_ATTRIBUTES, marker),
  });

export const isExternalIdItem = (item: Record<string, unknown>) => item.entity === 'externalId';

export const fromExternalIdItem = (item: Record<string, unknown>): ExternalIdMarker =>
  readItem('externalId', EXTERNAL_ID_ATTRIBUTES, item);
