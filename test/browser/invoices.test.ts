/**
 * An invoice's PDF in Chromium: loaded with its file the way operators load
 * them (the staff API), listed in the client area, and opened from its PDF
 * button through the short-lived link the API answers.
 */
import { describe, expect, it } from 'vitest';
import { invoiceLoad, samplePdf } from '../support/loads.ts';
import { loadedInvoiceThrough, uploadPdf } from '../support/staff-calls.ts';
import { freshAccount, TEST_PASSWORD } from './people.ts';
import { checkPage, signIn, usePortal } from './support.ts';

const portal = usePortal();

describe('an invoice', () => {
  it('opens its PDF from the invoices list', async () => {
    // Prepare: an invoice with its PDF, and one without
    const tenant = await freshAccount('Invoices');
    const withPdf = invoiceLoad();
    const without = invoiceLoad();
    const pdf = samplePdf(withPdf.number);
    for (const body of [withPdf, without]) {
      await loadedInvoiceThrough(portal.apiUrl, tenant.accountId, body);
    }
    const ids = { accountId: tenant.accountId, invoiceNumber: withPdf.number };
    expect((await uploadPdf(portal.apiUrl, ids, pdf)).status).toBeLessThan(300);
    const page = await portal.page();
    await signIn(page, portal.url, tenant.email, TEST_PASSWORD);

    // Act
    await page.getByRole('link', { name: 'Invoices' }).first().click();
    await page.getByRole('table').waitFor();
    await checkPage(page, 'invoices-with-pdf');
    // The PDF opens in a new tab: its navigation is the link the API gave.
    const [request] = await Promise.all([
      page
        .context()
        .waitForEvent('request', (r) => r.isNavigationRequest() && !r.url().startsWith(portal.url)),
      page.getByRole('button', { name: `PDF ${withPdf.number}` }).click(),
    ]);
    const downloaded = await fetch(request.url());

    // Assess: the file as loaded; an invoice without a PDF offers no button
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(pdf)).toBe(true);
    await expect(page.getByRole('button', { name: `PDF ${without.number}` }).count()).resolves.toBe(
      0
    );
  });
});
