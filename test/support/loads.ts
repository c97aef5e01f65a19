/**
 * Request bodies of the operators' loading routes, unique per call, for
 * tests that load data the way the operators do.
 */
import { randomUUID } from 'node:crypto';

const suffix = () => randomUUID().slice(0, 8);

export const accountLoad = (overrides: Record<string, unknown> = {}) => {
  const id = suffix();
  return {
    externalId: `CRM-${id}`,
    name: `Loaded ${id} GmbH`,
    contractNumbers: [`L-${id}`],
    hostedDomains: [`loaded-${id}.example`],
    primaryContact: {
      firstName: 'Lena',
      lastName: `Loaded ${id}`,
      companyName: `Loaded ${id} GmbH`,
      email: `holder-${id}@loaded.example`,
      phone: '+4930901820',
      address: { line1: 'Unter den Linden 1', city: 'Berlin', postcode: '10117', country: 'DE' },
    },
    ...overrides,
  };
};

export const serviceLoad = (contractNumber: string, overrides: Record<string, unknown> = {}) => ({
  externalId: `SVC-${suffix()}`,
  type: 'hosting',
  label: 'Web hosting M',
  status: 'active',
  contractNumber,
  server: 'web-17.portico.example',
  ...overrides,
});

export const invoiceLoad = (overrides: Record<string, unknown> = {}) => ({
  number: `INV-${suffix()}`,
  issuedAt: '2026-03-01',
  dueAt: '2026-03-15',
  currency: 'EUR',
  net: '100.00',
  tax: '19.00',
  total: '119.00',
  status: 'open',
  lines: [
    {
      description: 'Web hosting M, March',
      quantity: 1,
      unitPrice: '100.00',
      net: '100.00',
      tax: '19.00',
      total: '119.00',
    },
  ],
  ...overrides,
});

/** A small file that starts like every PDF (`%PDF-`), with `text` in it to tell files apart. */
export const samplePdf = (text = 'invoice') =>
  Buffer.from(
    `%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`
  );

/** `count` calls a minute apart from `start`. */
export const callRecords = (count: number, start = '2026-03-01T09:00:00Z') =>
  Array.from({ length: count }, (_, index) => ({
    id: `call-${index}`,
    startedAt: new Date(Date.parse(start) + index * 60_000).toISOString(),
    direction: index % 2 ? 'inbound' : 'outbound',
    from: '+4930901820',
    to: `+49301234${String(index).padStart(3, '0')}`,
    durationSeconds: 30 + index,
    charge: '0.05',
    currency: 'EUR',
  }));

/** Five-minute samples of each IP from `start`. */
export const trafficSamples = (ips: string[], count: number, start = '2026-03-01T00:00:00Z') =>
  ips.flatMap((ip) =>
    Array.from({ length: count }, (_, index) => ({
      ip,
      at: new Date(Date.parse(start) + index * 300_000).toISOString(),
      periodSeconds: 300,
      inBytes: 1000 * (index + 1),
      outBytes: 2000 * (index + 1),
    }))
  );
