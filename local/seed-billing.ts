/**
 * Demo invoices and usage for Demo Hosting Ltd, loaded the way operators
 * load them (the staff function's services), so billing@demo.example has
 * invoices to see and the holder a call list and traffic. Idempotent: every
 * load is keyed by an external id, invoice number or record time.
 */
import type { StaffCaller } from '#core/access/caller';
import { seedStaffReads } from './seed-services.ts';

const SEED_STAFF: StaffCaller = { kind: 'staff', staffId: 'demo-seed', username: 'demo seed' };

const month = (m: number) => `2026-${String(m).padStart(2, '0')}`;

export const seedDemoBilling = async (account: { id: string; contractNumber: string }) => {
  const { loadInvoice } = await import('../functions/staff/invoices.ts');
  const { loadService } = await import('../functions/staff/services.ts');
  const { loadUsage } = await import('../functions/staff/usage.ts');
  const { tableStore } = await import('#core/table/function-store');
  const reads = await seedStaffReads();
  for (const [index, status] of (['paid', 'paid', 'open'] as const).entries()) {
    const m = index + 1;
    await loadInvoice(tableStore, reads, account.id, {
      number: `DEMO-${month(m)}`,
      issuedAt: `${month(m)}-01`,
      dueAt: `${month(m)}-15`,
      ...(status === 'paid' ? { paidAt: `${month(m)}-10` } : {}),
      currency: 'GBP',
      net: '35.00',
      tax: '7.00',
      total: '42.00',
      status,
      lines: [
        {
          description: `Hosting and telephony, ${month(m)}`,
          quantity: 1,
          unitPrice: '35.00',
          net: '35.00',
          tax: '7.00',
          total: '42.00',
          contractNumber: account.contractNumber,
        },
      ],
    });
  }
  const service = (
    externalId: string,
    type: 'voip' | 'serverhousing',
    label: string,
    ips?: string[]
  ) =>
    loadService(tableStore, SEED_STAFF, reads, account.id, {
      externalId,
      type,
      label,
      status: 'active',
      contractNumber: account.contractNumber,
      ...(ips ? { ips } : {}),
    });
  const voip = await service('DEMO-VOIP-1', 'voip', 'Office telephony');
  const housing = await service('DEMO-RACK-1', 'serverhousing', 'Rack 4, unit 12', [
    '192.0.2.10',
    '192.0.2.11',
    '2001:db8:4::12',
  ]);
  const ids = (serviceId: string) => ({ accountId: account.id, serviceId });
  await loadUsage(tableStore, ids(voip.value.id), {
    calls: Array.from({ length: 12 }, (_, i) => ({
      id: `demo-cdr-${i}`,
      startedAt: new Date(Date.UTC(2026, 2, 2, 9 + i, 5 * i)).toISOString(),
      direction: i % 3 ? ('outbound' as const) : ('inbound' as const),
      from: i % 3 ? '+441632960961' : '+441632960500',
      to: i % 3 ? `+44163296${String(1000 + i).slice(1)}` : '+441632960961',
      durationSeconds: 30 + 17 * i,
    })),
  });
  await loadUsage(tableStore, ids(housing.value.id), {
    traffic: ['192.0.2.10', '192.0.2.11'].flatMap((ip, n) =>
      Array.from({ length: 24 }, (_, hour) => ({
        ip,
        at: new Date(Date.UTC(2026, 2, 2, hour)).toISOString(),
        periodSeconds: 3600,
        inBytes: (n + 1) * 1_000_000 * (hour + 1),
        outBytes: (n + 1) * 4_000_000 * (hour + 1),
      }))
    ),
  });
  // February in daily samples, so the monthly totals show two months.
  await loadUsage(tableStore, ids(housing.value.id), {
    traffic: ['192.0.2.10', '192.0.2.11'].flatMap((ip, n) =>
      Array.from({ length: 28 }, (_, day) => ({
        ip,
        at: new Date(Date.UTC(2026, 1, day + 1)).toISOString(),
        periodSeconds: 86_400,
        inBytes: (n + 1) * 250_000_000 + day * 1_000_000,
        outBytes: (n + 1) * 900_000_000 + day * 3_000_000,
      }))
    ),
  });
};
