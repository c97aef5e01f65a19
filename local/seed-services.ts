/**
 * Demo services and domains, loaded the way operators load them (the staff
 * function's services, keyed by external id so a restart loads nothing
 * twice), and Demo Hosting Ltd's support contacts assigned the way the
 * holder assigns them in the portal: the global tech contact on the web
 * hosting, the isolated devops login on its one VPS. Both domains stay
 * without support contact (`deactivated`).
 */

import type { MemberCaller, StaffCaller, StaffCheck } from '#core/access/caller';
import type { Service, ServiceType } from '#core/entities/service';
import type { DemoPeople } from './seed-contacts.ts';

/**
 * The seed calls the staff services directly, not as a staff login's
 * request: there is no live staff check to pass, so the read that carries
 * it is a plain consistent BatchGet.
 */
export const seedStaffReads = async (): Promise<StaffCheck> => {
  const { tableStore } = await import('#core/table/function-store');
  return { read: (keys) => tableStore.getMany(keys) };
};

interface DemoService {
  externalId: string;
  type: ServiceType;
  label: string;
  server?: string;
}

/** Per demo account, in DEMO_ACCOUNTS order. */
export const DEMO_SERVICES: DemoService[][] = [
  [
    {
      externalId: 'DEMO-WEB-1',
      type: 'hosting',
      label: 'Web hosting demo.example',
      server: 'web01.portico.example',
    },
    {
      externalId: 'DEMO-VPS-17',
      type: 'vps',
      label: 'VPS 17 (4 GB)',
      server: 'vps17.portico.example',
    },
    { externalId: 'DEMO-DOM-1', type: 'domain', label: 'demo.example' },
    { externalId: 'DEMO-DOM-2', type: 'domain', label: 'demo-shop.example' },
  ],
  [
    {
      externalId: 'OTHER-WEB-1',
      type: 'hosting',
      label: 'Web hosting other.example',
      server: 'web02.portico.example',
    },
    { externalId: 'OTHER-DOM-1', type: 'domain', label: 'other.example' },
  ],
];

export const seedDemoServices = async (
  staff: StaffCaller,
  account: { id: string; contractNumber: string },
  services: DemoService[]
): Promise<Map<string, Service>> => {
  const { loadService } = await import('../functions/staff/services.ts');
  const { tableStore } = await import('#core/table/function-store');
  const reads = await seedStaffReads();
  const loaded = new Map<string, Service>();
  for (const service of services) {
    const { value } = await loadService(tableStore, staff, reads, account.id, {
      ...service,
      status: 'active',
      contractNumber: account.contractNumber,
    });
    loaded.set(service.externalId, value);
  }
  return loaded;
};

export const assignDemoSupport = async (
  owner: MemberCaller,
  people: DemoPeople,
  services: Map<string, Service>
) => {
  const { assignSupportContact } = await import('../functions/services/support-contacts.ts');
  const { tableStore } = await import('#core/table/function-store');
  const assign = (externalId: string, contactId: string) => {
    const service = services.get(externalId);
    if (!service) throw new Error(`Demo service ${externalId} was not loaded`);
    const target = { kind: 'service' as const, serviceId: service.id, contactId };
    return assignSupportContact(tableStore, owner, target, {});
  };
  await assign('DEMO-WEB-1', people.tech.contactId);
  await assign('DEMO-VPS-17', people.devops.contactId);
};
