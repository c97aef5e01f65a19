import { describe, expect, it } from 'vitest';
import { patchLoadedAccountUpdate } from '#core/entities/account';
import { createExternalIdPut, externalIdKeys } from '#core/entities/external-id';
import {
  fromInvoiceItem,
  invoicePdfKey,
  invoicesPageQuery,
  recordInvoicePdfUpdate,
  toInvoiceItem,
} from '#core/entities/invoice';
import { patchLoadedServiceUpdate } from '#core/entities/service';
import {
  callsPageQuery,
  callsRange,
  replaceTrafficPut,
  trafficPageQuery,
} from '#core/entities/usage';
import { BadRequestError } from '#core/platform/errors';
import { checkCursorKey } from '#core/table/db';
import { toInvoiceSummary } from '#core/views/invoice';

const ids = { accountId: 'a1', serviceId: 's1' };

describe('external-id marker', () => {
  it('keys one item per kind and id, created once', () => {
    // Act
    const put = createExternalIdPut({
      kind: 'service',
      externalId: 'SVC-1',
      accountId: 'a1',
      serviceId: 's1',
      createdAt: 'now',
    });

    // Assess
    expect(externalIdKeys('account', 'CRM-1')).toEqual({
      pk: 'EXTERNAL#account#CRM-1',
      sk: 'EXTERNAL',
    });
    expect(put.Item).toMatchObject({
      pk: 'EXTERNAL#service#SVC-1',
      accountId: 'a1',
      serviceId: 's1',
    });
    expect(put.ConditionExpression).toBe('attribute_not_exists(#pk)');
  });
});

describe('invoice entity', () => {
  const invoice = {
    accountId: 'a1',
    number: 'INV-7',
    issuedAt: '2026-03-01',
    dueAt: '2026-03-15',
    currency: 'EUR',
    net: '10.00',
    tax: '0.00',
    total: '10.00',
    status: 'open' as const,
    lines: [],
    version: 1,
    createdAt: 'now',
    updatedAt: 'now',
  };

  it('sits in the account partition, outside the profile range, and is listed by issue date', () => {
    // Act
    const item = toInvoiceItem(invoice);

    // Assess
    expect(item).toMatchObject({
      pk: 'ACCOUNT#a1',
      sk: 'INVOICE#INV-7',
      gsi1pk: 'ACCOUNT#a1#INVOICES',
      gsi1sk: '2026-03-01#INV-7',
    });
    expect(item.sk > 'CONTACT#\uffff').toBe(true);
    expect(toInvoiceSummary(invoice)).not.toHaveProperty('lines');
  });

  it('reads items loaded before net, tax and calendar dates as their day and net', () => {
    // Prepare
    const item = {
      ...toInvoiceItem(invoice),
      issuedAt: '2026-03-01T00:00:00.000Z',
      dueAt: '2026-03-15T00:00:00.000Z',
      net: undefined,
      tax: undefined,
      lines: [{ description: 'Hosting', quantity: 1, unitPrice: '10.00', amount: '10.00' }],
    };

    // Act
    const read = fromInvoiceItem(item);

    // Assess
    expect(read).toMatchObject({
      issuedAt: '2026-03-01',
      dueAt: '2026-03-15',
      net: '10.00',
      tax: '0.00',
    });
    expect(read.lines).toEqual([
      {
        description: 'Hosting',
        quantity: 1,
        unitPrice: '10.00',
        net: '10.00',
        tax: '0.00',
        total: '10.00',
      },
    ]);
    expect(toInvoiceSummary(read).hasPdf).toBe(false);
  });

  it('records a PDF only over the version read, and moves the version on', () => {
    // Act
    const update = recordInvoicePdfUpdate(invoice, {
      key: invoicePdfKey(invoice),
      size: 10,
      uploadedAt: 'later',
    });

    // Assess
    expect(update.Key).toEqual({ pk: 'ACCOUNT#a1', sk: 'INVOICE#INV-7' });
    expect(update.ExpressionAttributeValues).toMatchObject({
      ':expected': 1,
      ':next': 2,
      ':pdf': { key: 'invoices/a1/INV-7.pdf', size: 10, uploadedAt: 'later' },
    });
  });

  it('lists newest first from the index', () => {
    // Act
    const query = invoicesPageQuery('a1', { limit: 10 });

    // Assess
    expect(query).toMatchObject({ IndexName: 'gsi1', ScanIndexForward: false, Limit: 10 });
    expect(query.ExpressionAttributeValues).toEqual({ ':pk': 'ACCOUNT#a1#INVOICES' });
  });
});

describe('usage entity', () => {
  it('queries calls in a half-open window of the service’s own partition', () => {
    // Act
    const query = callsPageQuery(
      ids,
      { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' },
      { limit: 5 }
    );

    // Assess
    expect(query.KeyConditionExpression).toBe('#pk = :pk AND #sk BETWEEN :from AND :to');
    expect(query.ExpressionAttributeValues).toEqual({
      ':pk': 'USAGE#a1#s1',
      ':from': 'CALL#2026-03-01T00:00:00.000Z',
      ':to': 'CALL#2026-03-02T00:00:00.000Z',
    });
    // A call at `to` itself sorts after the upper bound: excluded.
    expect(
      'CALL#2026-03-02T00:00:00.000Z#c1' > (query.ExpressionAttributeValues?.[':to'] as string)
    ).toBe(true);
  });

  it('indexes each traffic sample by IP, and reads one IP from the index', () => {
    // Act
    const put = replaceTrafficPut(
      ids,
      {
        ip: '192.0.2.1',
        at: '2026-03-01T00:00:00.000Z',
        periodSeconds: 60,
        inBytes: 1,
        outBytes: 2,
      },
      'now',
      { state: 'absent' }
    );
    const query = trafficPageQuery(ids, { ip: '192.0.2.1' }, { limit: 5 });
    const all = trafficPageQuery(ids, {}, { limit: 5 });

    // Assess
    expect(put.Item).toMatchObject({
      pk: 'USAGE#a1#s1',
      sk: 'TRAFFIC#2026-03-01T00:00:00.000Z#192.0.2.1',
      gsi1pk: 'USAGE#a1#s1#IP#192.0.2.1',
      gsi1sk: 'TRAFFIC#2026-03-01T00:00:00.000Z#192.0.2.1',
    });
    expect(query).toMatchObject({ IndexName: 'gsi1' });
    expect(all.IndexName).toBeUndefined();
    expect(all.ConsistentRead).toBe(true);
  });

  it('accepts only start keys of the same list and window', () => {
    // Prepare
    const range = callsRange(ids, { from: '2026-03-01T00:00:00.000Z' });
    const inside = { pk: 'USAGE#a1#s1', sk: 'CALL#2026-03-05T00:00:00.000Z#c9' };
    const before = { pk: 'USAGE#a1#s1', sk: 'CALL#2026-02-01T00:00:00.000Z#c9' };
    const traffic = { pk: 'USAGE#a1#s1', sk: 'TRAFFIC#2026-03-05T00:00:00.000Z#192.0.2.1' };
    const extraKey = { pk: 'USAGE#a1#s1', sk: 'CALL#2026-03-05', gsi1pk: 'x' };
    const otherService = { pk: 'USAGE#a1#s2', sk: 'CALL#2026-03-05' };

    // Assess
    expect(checkCursorKey(inside, range)).toEqual(inside);
    for (const key of [before, traffic, extraKey, otherService]) {
      expect(() => checkCursorKey(key, range)).toThrow(BadRequestError);
    }
  });
});

describe('loaded updates', () => {
  it('rewrite a service’s loaded fields only, never its support contacts or type', () => {
    // Act
    const update = patchLoadedServiceUpdate(
      { accountId: 'a1', id: 's1', type: 'vps' },
      { label: 'Big VPS', status: 'active', contractNumber: 'C-1' },
      'now'
    );

    // Assess
    expect(update.UpdateExpression).toContain('REMOVE #server');
    expect(JSON.stringify(update)).not.toContain('supportContacts');
    expect(update.ConditionExpression).toBe('attribute_exists(#pk) AND #type = :type');
    expect(update.ExpressionAttributeValues?.[':gsi1sk']).toBe('big vps#s1');
  });

  it('move an account’s version only from the one read', () => {
    // Act
    const update = patchLoadedAccountUpdate(
      { id: 'a1', name: 'N', hostedDomains: [], contractNumbers: ['C-1'], updatedAt: 'now' },
      3
    );

    // Assess
    expect(update.ExpressionAttributeValues).toMatchObject({ ':expected': 3, ':next': 4 });
    expect(update.UpdateExpression).not.toContain('status');
  });
});
