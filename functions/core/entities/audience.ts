/**
 * Notice audiences: the index partitions a staff notice pages through to
 * find the accounts in its scope, never a Scan. Accounts carry
 * `AUDIENCE#everyone` (gsi3); services carry `AUDIENCE#type#<type>` (gsi3)
 * and either `AUDIENCE#server#<server>` or, for domains,
 * `AUDIENCE#domain#<name>` (gsi2). Sort keys start with the account id, so
 * the services of one account come together in a page.
 */
import type { QueryInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import type { ServiceType } from './service-type.ts';

export type Audience =
  | { kind: 'everyone' }
  | { kind: 'type'; type: ServiceType }
  | { kind: 'server'; server: string }
  | { kind: 'domain'; name: string };

const { gsi2, gsi3 } = TABLE.indexes;

const audiencePartition = (audience: Audience) => {
  switch (audience.kind) {
    case 'everyone':
      return { index: gsi3, value: `${PREFIX.audience}everyone` };
    case 'type':
      return { index: gsi3, value: `${PREFIX.audience}type#${audience.type}` };
    case 'server':
      return { index: gsi2, value: `${PREFIX.audience}server#${audience.server.toLowerCase()}` };
    case 'domain':
      return { index: gsi2, value: `${PREFIX.audience}domain#${audience.name.toLowerCase()}` };
  }
};

const entry = (audience: Audience, sortKey: string) => {
  const { index, value } = audiencePartition(audience);
  return { [index.partitionKey]: value, [index.sortKey]: sortKey };
};

/** The account item's index keys: every account is in `everyone`. */
export const accountAudienceKeys = (accountId: string) => entry({ kind: 'everyone' }, accountId);

/** The service item's index keys: its type, and its server or (a domain) its name. */
export const serviceAudienceKeys = (service: {
  accountId: string;
  id: string;
  type: ServiceType;
  label: string;
  server?: string | undefined;
}) => {
  const sortKey = `${service.accountId}#${service.id}`;
  const placed: Audience | undefined =
    service.type === 'domain'
      ? { kind: 'domain', name: service.label }
      : service.server
        ? { kind: 'server', server: service.server }
        : undefined;
  return {
    ...entry({ kind: 'type', type: service.type }, sortKey),
    ...(placed ? entry(placed, sortKey) : {}),
  };
};

/** The gsi2 attributes a service without a server (nor a domain name) must not keep. */
export const SERVICE_PLACE_ATTRIBUTES = [gsi2.partitionKey, gsi2.sortKey] as const;

/** Access patterns `accountsOfEveryone`, `servicesOfType`, `servicesOnServer`, `domainsByName`: one page. */
export const audiencePageQuery = (
  audience: Audience,
  startKey?: Record<string, unknown>
): QueryInput => {
  const { index, value } = audiencePartition(audience);
  return {
    IndexName: index.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': index.partitionKey },
    ExpressionAttributeValues: { ':pk': value },
    ExclusiveStartKey: startKey,
  };
};

/** Who an index entry names: an account (everyone) or a service of an account. */
export const audienceMemberOf = (
  item: Record<string, unknown>
): { accountId: string; serviceId?: string } | undefined => {
  if (item.entity === 'account' && typeof item.id === 'string') return { accountId: item.id };
  if (
    item.entity === 'service' &&
    typeof item.accountId === 'string' &&
    typeof item.id === 'string'
  )
    return { accountId: item.accountId, serviceId: item.id };
  return undefined;
};
