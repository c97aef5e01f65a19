/**
 * The operators' loading routes with a real staff login through the local
 * gateway: idempotency, what a reload changes and keeps, and that a refused
 * load writes nothing.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { accountKeys } from '#core/entities/account';
import { contactKeys } from '#core/entities/contact';
import { externalIdKeys } from '#core/entities/external-id';
import { serviceKeys } from '#core/entities/service';
import { startGateway } from '../../local/gateway.ts';
import {
  accountLoad,
  callRecords,
  invoiceLoad,
  serviceLoad,
  trafficSamples,
} from '../support/loads.ts';
import { staffCall } from '../support/staff-calls.ts';

let gateway: { url: string; close(): Promise<void> };

beforeAll(async () => {
  gateway = await startGateway({ port: 0, stack: inject('localStack') });
});

afterAll(async () => {
  await gateway?.close();
});

const post = (path: string, body: unknown) => staffCall(gateway.url, 'POST', path, body);
const get = (path: string) => staffCall(gateway.url, 'GET', path);

const getItem = async (key: Record<string, string>) =>
  (await dynamo.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true })))
    .Item;

const loadedAccount = async () => {
  const body = accountLoad();
  const response = await post('/staff/accounts', body);
  expect(response.status, response.text).toBe(201);
  return { body, id: response.body.id as string, contract: body.contractNumbers[0] as string };
};

describe('POST /staff/accounts', () => {
  it('creates the account, its contracts and a primary contact without a login, once', async () => {
    // Prepare
    const body = accountLoad();

    // Act
    const first = await post('/staff/accounts', body);
    const again = await post('/staff/accounts', body);

    // Assess
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('location')).toBe(`/accounts/${first.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({
      externalId: body.externalId,
      name: body.name,
      contracts: body.contractNumbers.map((n) => n.toUpperCase()),
      version: 1,
    });
    const primary = await getItem(
      contactKeys({
        accountId: first.body.id as string,
        contactId: first.body.primaryContactId as string,
      })
    );
    expect(primary).toMatchObject({ isPrimary: true, email: body.primaryContact.email });
    expect(primary?.loginId).toBeUndefined();
  });

  it('on a reload updates name and domains and adds contracts, keeping the primary contact', async () => {
    // Prepare
    const { body, id } = await loadedAccount();
    const reload = {
      ...body,
      name: 'Renamed GmbH',
      hostedDomains: ['renamed.example'],
      contractNumbers: ['NEW-1'],
      primaryContact: { ...body.primaryContact, firstName: 'Ignored' },
    };

    // Act
    const response = await post('/staff/accounts', reload);

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({
      id,
      name: 'Renamed GmbH',
      hostedDomains: ['renamed.example'],
      contracts: [body.contractNumbers[0]?.toUpperCase(), 'NEW-1'],
      version: 2,
    });
    const primary = await getItem(
      contactKeys({ accountId: id, contactId: response.body.primaryContactId as string })
    );
    expect(primary?.firstName).toBe('Lena');
  });

  it('refuses a contract number of another account and writes nothing', async () => {
    // Prepare
    const { contract } = await loadedAccount();
    const body = accountLoad({ contractNumbers: ['FRESH-1', contract.toLowerCase()] });

    // Act
    const response = await post('/staff/accounts', body);

    // Assess
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.detail).toContain(contract.toUpperCase());
    expect(await getItem(externalIdKeys('account', body.externalId))).toBeUndefined();
  });

  it('answers two identical loads at once with one account', async () => {
    // Prepare
    const body = accountLoad();

    // Act
    const answers = await Promise.all([
      post('/staff/accounts', body),
      post('/staff/accounts', body),
    ]);

    // Assess
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0]?.body.id).toBe(answers[1]?.body.id);
  });

  it('rejects bad input field by field, unknown fields included', async () => {
    // Act
    const response = await post('/staff/accounts', {
      ...accountLoad(),
      externalId: 'has spaces',
      contractNumbers: ['A-1', 'a-1'],
      status: 'closed',
    });

    // Assess
    expect(response.status).toBe(400);
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['externalId', 'contractNumbers.1', 'status']));
  });
});

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
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys,
        UpdateExpression: 'SET supportContacts = :assigned',
        ExpressionAttributeValues: { ':assigned': assigned },
      })
    );

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
    const item = await getItem(keys);
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
    expect(first.body).toMatchObject({ issuedAt: '2026-03-01T00:00:00.000Z', version: 1 });
    expect([same.status, same.body.version]).toEqual([200, 1]);
    expect([paid.status, paid.body.status, paid.body.version]).toEqual([200, 'paid', 2]);
    expect(elsewhere.status).toBe(409);
  });

  it('checks line contracts, dates and amounts', async () => {
    // Prepare
    const account = await loadedAccount();
    const path = `/staff/accounts/${account.id}/invoices`;
    const foreignLine = {
      description: 'x',
      quantity: 1,
      unitPrice: '1.00',
      amount: '1.00',
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

describe('GET /staff/external-ids/{kind}/{externalId}', () => {
  it('names the account and service an external id belongs to', async () => {
    // Prepare
    const account = await loadedAccount();
    const body = serviceLoad(account.contract);
    const service = await post(`/staff/accounts/${account.id}/services`, body);

    // Act
    const [ofAccount, ofService, unknown, badKind] = await Promise.all([
      get(`/staff/external-ids/account/${account.body.externalId}`),
      get(`/staff/external-ids/service/${body.externalId}`),
      get('/staff/external-ids/account/NOPE-1'),
      get('/staff/external-ids/contact/X'),
    ]);

    // Assess
    expect(ofAccount.body).toEqual({
      kind: 'account',
      externalId: account.body.externalId,
      accountId: account.id,
    });
    expect(ofService.body).toMatchObject({ accountId: account.id, serviceId: service.body.id });
    expect([unknown.status, badKind.status]).toEqual([404, 404]);
    expect(await getItem(accountKeys(account.id))).toMatchObject({
      externalId: account.body.externalId,
    });
  });
});
