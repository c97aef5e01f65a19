/**
 * Invoice PDFs end to end: operators upload the file through the staff
 * route, customers with the `invoices` area get a short-lived presigned
 * link and follow it to the local S3 front, which checks the signature and
 * the expiry as S3 would.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, runClockFrom } from '#core/platform/clock';
import { useGateway } from '../support/gateway.ts';
import { invoiceLoad, samplePdf } from '../support/loads.ts';
import { loadedInvoiceThrough, readItem, staffCall, uploadPdf } from '../support/staff-calls.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';

const gateway = useGateway();
let tenant: Tenant;
let token: string;
let other: Tenant;
let otherToken: string;

const loadInvoice = (account: Tenant, overrides: Record<string, unknown> = {}) =>
  loadedInvoiceThrough(gateway.url, account.accountId, invoiceLoad(overrides));

const upload = (account: Tenant, invoiceNumber: string, file = samplePdf(), type?: string) =>
  uploadPdf(gateway.url, { accountId: account.accountId, invoiceNumber }, file, type);

const linkFor = (account: Tenant, invoiceNumber: string, as = token) =>
  gateway.api('GET', `/accounts/${account.accountId}/invoices/${invoiceNumber}/pdf`, {
    token: as,
  });

const follow = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
};

beforeAll(async () => {
  [{ tenant, token }, { tenant: other, token: otherToken }] = await Promise.all([
    signedInTenant('Pdfs'),
    signedInTenant('Pdfsother'),
  ]);
});

afterEach(() => resetClock());

describe('PUT /staff/accounts/{accountId}/invoices/{invoiceNumber}/pdf', () => {
  it('stores the file, records it on the invoice and shows hasPdf', async () => {
    // Prepare
    const number = await loadInvoice(tenant);
    const file = samplePdf('first');

    // Act
    const uploaded = await upload(tenant, number, file);
    const [list, detail] = await Promise.all([
      gateway.api('GET', `/accounts/${tenant.accountId}/invoices?limit=100`, { token }),
      gateway.api('GET', `/accounts/${tenant.accountId}/invoices/${number}`, { token }),
    ]);

    // Assess
    expect(uploaded.status, uploaded.text).toBe(200);
    expect(uploaded.body).toMatchObject({ number, hasPdf: true, version: 2 });
    const summary = (list.body.items as { number: string; hasPdf: boolean }[]).find(
      (item) => item.number === number
    );
    expect(summary?.hasPdf).toBe(true);
    expect(detail.body.hasPdf).toBe(true);
    const item = await readItem({ pk: `ACCOUNT#${tenant.accountId}`, sk: `INVOICE#${number}` });
    expect(item?.pdf).toEqual({
      key: `invoices/${tenant.accountId}/${number}.pdf`,
      size: file.length,
      uploadedAt: expect.any(String),
    });
  });

  it('refuses a file that is not a PDF, too large or sent as another type, and writes nothing', async () => {
    // Prepare
    const number = await loadInvoice(tenant);
    const tooLarge = Buffer.concat([samplePdf(), Buffer.alloc(4 * 1024 * 1024)]);

    // Act
    const [notPdf, large, asJson, asOctets, empty] = await Promise.all([
      upload(tenant, number, Buffer.from('<html>not a pdf</html>')),
      upload(tenant, number, tooLarge),
      upload(tenant, number, samplePdf(), 'application/json'),
      upload(tenant, number, samplePdf(), 'application/octet-stream'),
      upload(tenant, number, Buffer.alloc(0)),
    ]);

    // Assess
    expect([notPdf.status, notPdf.body.detail]).toEqual([400, 'The body is not a PDF file.']);
    expect(large.status).toBe(413);
    expect([asJson.status, asOctets.status]).toEqual([415, 415]);
    expect(empty.status).toBe(400);
    const detail = await gateway.api('GET', `/accounts/${tenant.accountId}/invoices/${number}`, {
      token,
    });
    expect(detail.body.hasPdf).toBe(false);
  });

  it('answers 404 for a number the account does not have, even one of another account', async () => {
    // Prepare
    const othersNumber = await loadInvoice(other);

    // Act
    const [unknown, elsewhere, noAccount] = await Promise.all([
      upload(tenant, 'INV-NOT-LOADED'),
      upload(tenant, othersNumber),
      uploadPdf(
        gateway.url,
        { accountId: '00000000-0000-4000-8000-000000000000', invoiceNumber: othersNumber },
        samplePdf()
      ),
    ]);

    // Assess
    expect([unknown.status, elsewhere.status, noAccount.status]).toEqual([404, 404, 404]);
    const othersInvoice = await readItem({
      pk: `ACCOUNT#${other.accountId}`,
      sk: `INVOICE#${othersNumber}`,
    });
    expect(othersInvoice?.pdf).toBeUndefined();
  });

  it('replaces the file on a second upload, and a reload of the invoice keeps it', async () => {
    // Prepare
    const body = invoiceLoad();
    await staffCall(gateway.url, 'POST', `/staff/accounts/${tenant.accountId}/invoices`, body);
    await upload(tenant, body.number, samplePdf('first'));

    // Act
    const second = await upload(tenant, body.number, samplePdf('second'));
    const reloaded = await staffCall(
      gateway.url,
      'POST',
      `/staff/accounts/${tenant.accountId}/invoices`,
      { ...body, status: 'paid' }
    );
    const link = await linkFor(tenant, body.number);
    const file = await follow(link.body.url as string);

    // Assess
    expect(second.status).toBe(200);
    expect(reloaded.body).toMatchObject({ status: 'paid', hasPdf: true });
    expect(file.body.toString()).toContain('% second');
  });
});

describe('GET /accounts/{accountId}/invoices/{invoiceNumber}/pdf', () => {
  it('hands out a 5-minute link that downloads the PDF without a token', async () => {
    // Prepare
    const number = await loadInvoice(tenant);
    const file = samplePdf('download');
    await upload(tenant, number, file);
    const before = Date.now();

    // Act
    const link = await linkFor(tenant, number);
    const download = await follow(link.body.url as string);

    // Assess
    expect(link.status, link.text).toBe(200);
    const lifetime = Date.parse(link.body.expiresAt as string) - before;
    expect(lifetime).toBeGreaterThan(299_000);
    expect(lifetime).toBeLessThanOrEqual(301_000);
    expect(new URL(link.body.url as string).searchParams.get('X-Amz-Expires')).toBe('300');
    expect(download.status).toBe(200);
    expect(download.body.equals(file)).toBe(true);
  });

  it('answers 404 for an invoice without a PDF and for a number the account does not have', async () => {
    // Prepare
    const [number, othersNumber] = await Promise.all([loadInvoice(tenant), loadInvoice(other)]);
    await upload(other, othersNumber);

    // Act
    const [noPdf, unknown, othersNumberHere] = await Promise.all([
      linkFor(tenant, number),
      linkFor(tenant, 'INV-NOT-LOADED'),
      linkFor(tenant, othersNumber),
    ]);

    // Assess
    expect([noPdf.status, unknown.status, othersNumberHere.status]).toEqual([404, 404, 404]);
    expect(noPdf.body.detail).toBe('The invoice has no PDF.');
  });

  it('refuses another account’s login and a sub-account without `invoices`', async () => {
    // Prepare
    const number = await loadInvoice(tenant);
    await upload(tenant, number);
    const sub = await addSubAccountLogin(tenant, ['usage']);
    const subToken = await accessTokenFor(sub.email);

    // Act
    const [stranger, lesser] = await Promise.all([
      linkFor(tenant, number, otherToken),
      linkFor(tenant, number, subToken),
    ]);

    // Assess
    expect(stranger.status).toBe(404);
    expect(stranger.text).not.toContain('X-Amz');
    expect([lesser.status, lesser.body.area]).toEqual([403, 'invoices']);
  });

  it('makes the link useless once expired, tampered with or pointed at another key', async () => {
    // Prepare
    const [number, othersNumber] = await Promise.all([loadInvoice(tenant), loadInvoice(other)]);
    await Promise.all([upload(tenant, number), upload(other, othersNumber)]);
    const fresh = (await linkFor(tenant, number)).body.url as string;
    runClockFrom(new Date(Date.now() - 6 * 60 * 1000));
    const stale = (await linkFor(tenant, number)).body.url as string;
    resetClock();
    const url = new URL(fresh);
    const longer = new URL(fresh);
    longer.searchParams.set('X-Amz-Expires', '604800');
    const guessed = new URL(fresh);
    guessed.pathname = guessed.pathname.replace(
      `/invoices/${tenant.accountId}/${number}.pdf`,
      `/invoices/${other.accountId}/${othersNumber}.pdf`
    );
    const signature = url.searchParams.get('X-Amz-Signature') ?? '';
    const forged = new URL(fresh);
    const flipped = signature.endsWith('0') ? '1' : '0';
    forged.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${flipped}`);

    // Act
    const [expired, extended, otherKey, badSignature, unsigned, stillGood] = await Promise.all([
      follow(stale),
      follow(longer.toString()),
      follow(guessed.toString()),
      follow(forged.toString()),
      follow(`${url.origin}${url.pathname}`),
      follow(fresh),
    ]);

    // Assess
    expect(expired.status).toBe(403);
    expect(expired.body.toString()).toContain('Request has expired');
    for (const refused of [extended, otherKey, badSignature]) {
      expect(refused.status).toBe(403);
      expect(refused.body.toString()).toContain('SignatureDoesNotMatch');
    }
    expect(unsigned.status).toBe(403);
    expect(unsigned.body.toString()).toContain('AccessDenied');
    expect(stillGood.status).toBe(200);
  });
});
