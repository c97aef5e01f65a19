/**
 * Loading services, domains, invoices and usage with a real staff login
 * through the local gateway: idempotency, what a reload changes and keeps
 * (never the support contacts), and that a refused load writes nothing.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { serviceKeys } from '#core/entities/service';
import { dynamo, tableName } from '#core/platform/clients/dynamodb';
import { tableStore } from '#core/table/function-store';
import { useGateway } from '../support/gateway.ts';
import { callRecords, invoiceLoad, serviceLoad, trafficSamples } from '../support/loads.ts';
import { loadedAccountThrough, readItem, staffCall } from '../support/staff-calls.ts';

const gateway = useGateway();

const post = (path: string, body: unknown) => staffCall(gateway.url, 'POST', path, body);
const loadedAccount = () => loadedAccountThrough(gateway.url);

describe('POST /staff/accounts/{accountId}/services', () => {
  it('creates once, then updates label, status and server but never the support contacts', async () => {
    // Prepare
    const account = await loadedAccount();
    const body = serviceLoad(account.contract);
    const first = await post(`/staff/accounts/${account.id}/services`, body);
    const keys = serviceKeys({ accountId: account.id, serviceId: first.body.id as string });
    const assigned = {
      c1: {
        id: 'c1',
        name: 'Tech',
        email: 't@x.example',
        supportScope: 'global',
        assignedAt: 'now',
      },
    };
    await tableStore.update({
      Key: keys,
      UpdateExpression: 'SET supportContacts = :assigned',
      ExpressionAttributeValues: { ':assigned': assigned },
    });

    // Act
    const { server: _server, ...withoutServer } = body;
    const reload = await post(`/staff/accounts/${account.id}/services`, {
      ...withoutServer,
      label: 'Web hosting L',
      status: 'suspended',
    });

    // Assess
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('location')).toBe(`/accounts/${account.id}/services/${first.body.id}`);
    expect(reload.status, reload.text).toBe(200);
    expect(reload.body).toMatchObject({
      id: first.body.id,
      label: 'Web hosting L',
      status: 'suspended',
      version: 2,
    });
    const item = await readItem(keys);
    expect(item?.supportContacts).toEqual(assigned);
    expect(item?.server).toBeUndefined();
    expect(item?.gsi1sk).toBe(`web hosting l#${first.body.id}`);
  });

  it('places a domain under /domains and checks its name', async () => {
    // Prepare
    const account = await loadedAccount();

    // Act
    const [domain, badName] = await Promise.all([
      post(
        `/staff/accounts/${account.id}/services`,
        serviceLoad(account.contract, { type: 'domain', label: 'Example.COM' })
      ),
      post(
        `/staff/accounts/${account.id}/services`,
        serviceLoad(account.contract, { type: 'domain', label: 'not a domain' })
      ),
    ]);

    // Assess
    expect(domain.status, domain.text).toBe(201);
    expect(domain.body.label).toBe('Example.COM');
    expect(domain.headers.get('location')).toBe(
      `/accounts/${account.id}/domains/${domain.body.id}`
    );
    expect(badName.status).toBe(400);
  });

  it('refuses a foreign contract, a type change, another account’s id and an unknown account', async () => {
    // Prepare
    const [account, other] = await Promise.all([loadedAccount(), loadedAccount()]);
    const body = serviceLoad(account.contract);
    await post(`/staff/accounts/${account.id}/services`, body);

    // Act
    const [foreignContract, typeChange, otherAccount, unknown] = await Promise.all([
      post(`/staff/accounts/${account.id}/services`, serviceLoad(other.contract)),
      post(`/staff/accounts/${account.id}/services`, { ...body, type: 'vps' }),
      post(`/staff/accounts/${other.id}/services`, { ...body, contractNumber: other.contract }),
      post('/staff/accounts/no-such-account/services', body),
    ]);

    // Assess
    expect(foreignContract.status).toBe(400);
    expect(foreignContract.body.errors).toEqual([
      expect.objectContaining({ field: 'contractNumber' }),
    ]);
    expect(typeChange.status).toBe(409);
    expect(otherAccount.status).toBe(409);
    expect(unknown.status).toBe(404);
  });
});

describe('POST /staff/accounts/{accountId}/invoices', () => {
  it('creates by number, then rewrites the status on a reload, and refuses the number elsewhere', async () => {
    // Prepare
    const [account, other] = await Promise.all([loadedAccount(), loadedAccount()]);
    const body = invoiceLoad();

    // Act
    const first = await post(`/staff/accounts/${account.id}/invoices`, body);
    const same = await post(`/staff/accounts/${account.id}/invoices`, body);
    const paid = await post(`/staff/accounts/${account.id}/invoices`, { ...body, status: 'paid' });
    const elsewhere = await post(`/staff/accounts/${other.id}/invoices`, body);

    // Assess
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('location')).toBe(`/accounts/${account.id}/invoices/${body.number}`);
    expect(first.body).toMatchObject({
      issuedAt: '2026-03-01',
      net: '100.00',
      tax: '19.00',
      total: '119.00',
      hasPdf: false,
      version: 1,
    });
    expect([same.status, same.body.version]).toEqual([200, 1]);
    expect([paid.status, paid.body.status, paid.body.version]).toEqual([200, 'paid', 2]);
    expect(elsewhere.status).toBe(409);
  });

  it('checks the money in minor units and names the field that does not add up', async () => {
    // Prepare
    const account = await loadedAccount();
    const path = `/staff/accounts/${account.id}/invoices`;
    const line = (net: string, tax: string, total: string) => ({
      description: 'Hosting',
      quantity: 1,
      unitPrice: net,
      net,
      tax,
      total,
    });
    const twoLines = [line('0.10', '0.02', '0.12'), line('0.20', '0.04', '0.24')];

    // Act
    const [exact, lineTotal, netSum, taxSum, total, digits, yen, yenCents] = await Promise.all([
      // 0.1 + 0.2 is not 0.3 in floating point; in cents it is.
      post(path, invoiceLoad({ net: '0.30', tax: '0.06', total: '0.36', lines: twoLines })),
      post(path, invoiceLoad({ lines: [line('100.00', '19.00', '119.01')], total: '119.00' })),
      post(path, invoiceLoad({ net: '100.01', total: '119.01' })),
      post(path, invoiceLoad({ tax: '19.50', total: '119.50' })),
      post(path, invoiceLoad({ total: '120.00' })),
      post(path, invoiceLoad({ net: '100.0', total: '119' })),
      post(
        path,
        invoiceLoad({
          currency: 'JPY',
          net: '1000',
          tax: '100',
          total: '1100',
          lines: [line('1000', '100', '1100')],
        })
      ),
      post(path, invoiceLoad({ currency: 'JPY' })),
    ]);

    // Assess
    const errorsOf = (response: typeof exact) =>
      response.body.errors as { field: string; code: string; message: string }[];
    expect(exact.status, exact.text).toBe(201);
    expect(exact.body).toMatchObject({ net: '0.30', tax: '0.06', total: '0.36' });
    expect([lineTotal.status, errorsOf(lineTotal)]).toEqual([
      400,
      [
        {
          field: 'lines.0.total',
          code: 'sum_mismatch',
          message: 'Must be the line’s net plus its tax: "119.00".',
        },
      ],
    ]);
    expect(errorsOf(netSum)).toEqual([
      {
        field: 'net',
        code: 'sum_mismatch',
        message: 'Must be the sum of the lines’ net: "100.00".',
      },
    ]);
    expect(errorsOf(taxSum)).toEqual([
      {
        field: 'tax',
        code: 'sum_mismatch',
        message: 'Must be the sum of the lines’ tax: "19.00".',
      },
    ]);
    expect(errorsOf(total)).toEqual([
      { field: 'total', code: 'sum_mismatch', message: 'Must be the net plus the tax: "119.00".' },
    ]);
    expect(errorsOf(digits)).toEqual([
      {
        field: 'net',
        code: 'amount_digits',
        message: 'Use exactly 2 decimals for EUR, like "119.00".',
      },
      {
        field: 'total',
        code: 'amount_digits',
        message: 'Use exactly 2 decimals for EUR, like "119.00".',
      },
    ]);
    expect(yen.status, yen.text).toBe(201);
    expect(yenCents.status).toBe(400);
    expect(errorsOf(yenCents).map((e) => e.field)).toEqual([
      'net',
      'tax',
      'total',
      'lines.0.net',
      'lines.0.tax',
      'lines.0.total',
    ]);
  });

  it('takes dates as real calendar days, and a payment date only on a paid invoice', async () => {
    // Prepare
    const account = await loadedAccount();
    const path = `/staff/accounts/${account.id}/invoices`;

    // Act
    const [noSuchDay, instant, paidEarly, paid, leapDay] = await Promise.all([
      post(path, invoiceLoad({ issuedAt: '2026-02-30' })),
      post(path, invoiceLoad({ dueAt: '2026-03-15T00:00:00Z' })),
      post(path, invoiceLoad({ paidAt: '2026-03-10' })),
      post(path, invoiceLoad({ status: 'paid', paidAt: '2026-03-10' })),
      post(path, invoiceLoad({ issuedAt: '2028-02-29', dueAt: '2028-03-14' })),
    ]);

    // Assess
    const fieldsOf = (response: typeof noSuchDay) =>
      (response.body.errors as { field: string }[]).map((e) => e.field);
    expect([noSuchDay.status, fieldsOf(noSuchDay)]).toEqual([400, ['issuedAt']]);
    expect([instant.status, fieldsOf(instant)]).toEqual([400, ['dueAt']]);
    expect([paidEarly.status, fieldsOf(paidEarly)]).toEqual([400, ['paidAt']]);
    expect(paid.status, paid.text).toBe(201);
    expect(paid.body).toMatchObject({ status: 'paid', paidAt: '2026-03-10' });
    expect(leapDay.status, leapDay.text).toBe(201);
  });

  it('checks line contracts, dates and amounts', async () => {
    // Prepare
    const account = await loadedAccount();
    const path = `/staff/accounts/${account.id}/invoices`;
    const foreignLine = {
      description: 'x',
      quantity: 1,
      unitPrice: '100.00',
      net: '100.00',
      tax: '19.00',
      total: '119.00',
      contractNumber: 'NOT-OURS',
    };

    // Act
    const [floatTotal, dueBeforeIssue, lineContract] = await Promise.all([
      post(path, invoiceLoad({ total: 119.5 })),
      post(path, invoiceLoad({ dueAt: '2026-02-01' })),
      post(path, invoiceLoad({ lines: [foreignLine] })),
    ]);

    // Assess
    const fieldsOf = (response: typeof floatTotal) =>
      (response.body.errors as { field: string }[]).map((e) => e.field);
    expect([floatTotal.status, fieldsOf(floatTotal)]).toEqual([400, ['total']]);
    expect([dueBeforeIssue.status, fieldsOf(dueBeforeIssue)]).toEqual([400, ['dueAt']]);
    expect([lineContract.status, fieldsOf(lineContract)]).toEqual([
      400,
      ['lines.0.contractNumber'],
    ]);
  });
});

describe('POST /staff/accounts/{accountId}/services/{serviceId}/usage', () => {
  // A raw Query: the count alone (Select COUNT), which the table store does not offer.
  const usagePartitionCount = async (accountId: string, serviceId: string) =>
    (
      await dynamo.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `USAGE#${accountId}#${serviceId}` },
          Select: 'COUNT',
          ConsistentRead: true,
        })
      )
    ).Count;

  it('loads a batch of calls all or nothing, and a repeat replaces rather than adds', async () => {
    // Prepare
    const account = await loadedAccount();
    const voip = await post(
      `/staff/accounts/${account.id}/services`,
      serviceLoad(account.contract, { type: 'voip' })
    );
    const path = `/staff/accounts/${account.id}/services/${voip.body.id}/usage`;
    const calls = callRecords(100);

    // Act
    const first = await post(path, { calls });
    const again = await post(path, { calls });
    const tooMany = await post(path, { calls: callRecords(101) });
    const duplicate = await post(path, { calls: [calls[0], calls[0]] });

    // Assess
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ serviceId: voip.body.id, kind: 'calls', loaded: 100 });
    expect(again.status).toBe(200);
    expect(await usagePartitionCount(account.id, voip.body.id as string)).toBe(100);
    expect(tooMany.status).toBe(400);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'calls.1' })]);
  });

  it('loads traffic onto serverhousing only, and answers 404 for an unknown service', async () => {
    // Prepare
    const account = await loadedAccount();
    const [housing, voip] = await Promise.all([
      post(
        `/staff/accounts/${account.id}/services`,
        serviceLoad(account.contract, { type: 'serverhousing' })
      ),
      post(
        `/staff/accounts/${account.id}/services`,
        serviceLoad(account.contract, { type: 'voip' })
      ),
    ]);
    const traffic = trafficSamples(['192.0.2.10', '2001:DB8::1'], 3);

    // Act
    const loaded = await post(`/staff/accounts/${account.id}/services/${housing.body.id}/usage`, {
      traffic,
    });
    const wrongType = await post(`/staff/accounts/${account.id}/services/${voip.body.id}/usage`, {
      traffic,
    });
    const unknown = await post(`/staff/accounts/${account.id}/services/no-such/usage`, { traffic });
    const both = await post(`/staff/accounts/${account.id}/services/${housing.body.id}/usage`, {
      traffic,
      calls: callRecords(1),
    });

    // Assess
    expect(loaded.status, loaded.text).toBe(200);
    expect(loaded.body.loaded).toBe(6);
    expect(wrongType.status).toBe(409);
    expect(await usagePartitionCount(account.id, voip.body.id as string)).toBe(0);
    expect(unknown.status).toBe(404);
    expect(both.status).toBe(400);
  });
});
