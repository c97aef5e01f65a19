import type { Service } from '../entities/service.ts';

/** The API view (DESIGN.md "Service"): support contacts oldest assignment first. */
export const toServiceView = (service: Service) => {
  const supportContacts = Object.values(service.supportContacts)
    .sort((a, b) => a.assignedAt.localeCompare(b.assignedAt))
    .map(({ id, name, email, supportScope }) => ({ id, name, email, supportScope }));
  return {
    id: service.id,
    type: service.type,
    label: service.label,
    status: service.status,
    ...(service.contractNumber === undefined ? {} : { contractNumber: service.contractNumber }),
    ...(service.server === undefined ? {} : { server: service.server }),
    supportContacts,
    support: supportContacts.length > 0 ? ('assigned' as const) : ('deactivated' as const),
    version: service.version,
  };
};
