/**
 * Operators load services and domains of an account by their external id.
 * The first load creates it (no support contacts: the holder assigns them);
 * a later load of the same external id rewrites the label, status, server,
 * IPs and contract number, and nothing else: the type stays, and the support
 * contacts the holder assigned are never touched.
 */
import type { StaffCaller, StaffCheck } from '#core/access/caller';
import { writeTogether } from '#core/db/transact';
import type { Account } from '#core/entities/account';
import { diffFields, type FieldChange } from '#core/entities/audit';
import { normaliseContractNumber } from '#core/entities/contract';
import type { ExternalIdMarker } from '#core/entities/external-id';
import {
  createServicePut,
  fromServiceItem,
  getServiceCommand,
  kindOf,
  type LoadedServiceFields,
  patchLoadedServiceUpdate,
  type Service,
} from '#core/entities/service';
import { ConflictError, ValidationError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { newId, nowIso } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import {
  accountAndMarker,
  createOrReload,
  externalIdWrite,
  type Loaded,
  staffAuditWrite,
} from './loaded.ts';
import type { ServiceLoad } from './schemas.ts';

const LOADED_FIELDS = ['label', 'status', 'contractNumber', 'server', 'ips'] as const;

const changedMeanwhile = () =>
  new ConflictError(
    PROBLEM.changedMeanwhile,
    'The service changed while it was being loaded; send the load again.'
  );

export const toStaffServiceView = (service: Service) => ({
  id: service.id,
  accountId: service.accountId,
  externalId: service.externalId,
  type: service.type,
  label: service.label,
  status: service.status,
  ...(service.contractNumber === undefined ? {} : { contractNumber: service.contractNumber }),
  ...(service.server === undefined ? {} : { server: service.server }),
  ...(service.ips === undefined ? {} : { ips: service.ips }),
  version: service.version,
});

/** Where the client area shows it: under services, or under domains. */
export const serviceLocation = (service: Service) =>
  `/accounts/${service.accountId}/${kindOf(service.type) === 'domain' ? 'domains' : 'services'}/${service.id}`;

const serviceAudit = (
  caller: StaffCaller,
  service: Service,
  action: string,
  changes: Record<string, FieldChange>
) =>
  staffAuditWrite(
    caller,
    {
      accountId: service.accountId,
      at: service.updatedAt,
      action,
      target: `service/${service.id}`,
    },
    changes
  );

const loadedFields = (input: ServiceLoad): LoadedServiceFields => ({
  label: input.label,
  status: input.status,
  contractNumber: normaliseContractNumber(input.contractNumber),
  ...(input.server === undefined ? {} : { server: input.server }),
  ...(input.ips === undefined ? {} : { ips: input.ips }),
});

const createService = async (
  store: TableStore,
  caller: StaffCaller,
  account: Account,
  input: ServiceLoad
): Promise<Service> => {
  const now = nowIso();
  const service: Service = {
    id: newId(),
    accountId: account.id,
    type: input.type,
    ...loadedFields(input),
    externalId: input.externalId,
    supportContacts: {},
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const marker: ExternalIdMarker = {
    kind: 'service',
    externalId: input.externalId,
    accountId: account.id,
    serviceId: service.id,
    createdAt: now,
  };
  await writeTogether(
    [
      externalIdWrite(marker),
      { action: { Put: createServicePut(service) } },
      serviceAudit(
        caller,
        service,
        'service.loaded',
        diffFields({} as Service, service, LOADED_FIELDS)
      ),
    ],
    changedMeanwhile,
    store
  );
  return service;
};

const reloadService = async (
  store: TableStore,
  caller: StaffCaller,
  account: Account,
  marker: ExternalIdMarker,
  input: ServiceLoad
): Promise<Service> => {
  if (marker.accountId !== account.id || !marker.serviceId) {
    throw new ConflictError(
      PROBLEM.externalIdTaken,
      `External id ${input.externalId} is a service of another account.`
    );
  }
  const item = await store.get(
    getServiceCommand({ accountId: account.id, serviceId: marker.serviceId })
  );
  if (!item) throw new Error(`external id ${input.externalId} points at a missing service`);
  const service = fromServiceItem(item);
  if (service.type !== input.type) {
    throw new ConflictError(
      PROBLEM.serviceTypeFixed,
      `External id ${input.externalId} is a ${service.type} service; a loaded service keeps its type.`
    );
  }
  const fields = loadedFields(input);
  const { contractNumber: _c, server: _s, ips: _i, ...unloaded } = service;
  const next: Service = {
    ...unloaded,
    ...fields,
    version: service.version + 1,
    updatedAt: nowIso(),
  };
  const changes = diffFields(service, next, LOADED_FIELDS);
  if (Object.keys(changes).length === 0) return service;
  await writeTogether(
    [
      { action: { Update: patchLoadedServiceUpdate(service, fields, next.updatedAt) } },
      serviceAudit(caller, next, 'service.reloaded', changes),
    ],
    changedMeanwhile,
    store
  );
  return next;
};

/**
 * POST /staff/accounts/{accountId}/services: one BatchGet (the account, for
 * its contract numbers, and the external-id marker), then a create (201)
 * or, for a known external id, a read of the service and its reload (200).
 */
export const loadService = async (
  store: TableStore,
  caller: StaffCaller,
  staffCheck: StaffCheck,
  accountId: string,
  input: ServiceLoad
): Promise<Loaded<Service>> => {
  const { account, marker } = await accountAndMarker(
    staffCheck,
    accountId,
    'service',
    input.externalId
  );
  if (!account.contractNumbers.includes(normaliseContractNumber(input.contractNumber))) {
    throw new ValidationError(PROBLEM.validationFailed, [
      {
        field: 'contractNumber',
        code: 'not_allowed',
        allowed: account.contractNumbers,
        message: `Not a contract of this account; use one of ${account.contractNumbers.join(', ')}.`,
      },
    ]);
  }
  return createOrReload(store, 'service', input.externalId, marker, {
    create: () => createService(store, caller, account, input),
    reload: (known) => reloadService(store, caller, account, known, input),
  });
};
