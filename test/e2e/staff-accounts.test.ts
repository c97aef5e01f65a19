/**
 * Loading accounts with a real staff login through the local gateway:
 * idempotency by external id, what a reload changes and keeps, a refused
 * load writes nothing; and looking external ids up.
 */

import { describe, expect, it } from 'vitest';
import { accountKeys } from '#core/entities/account';
import { contactKeys } from '#core/entities/contact';
import { externalIdKeys } from '#core/entities/external-id';
import { useGateway } from '../support/gateway.ts';
import { accountLoad, serviceLoad } from '../support/loads.ts';
import { problemType } from '../support/problems.ts';
import { loadedAccountThrough, readItem, staffCall } from '../support/staff-calls.ts';

const gateway = useGateway();

const post = (path: string, body: unknown) => staffCall(gateway.url, 'POST', path, body);
const get = (path: string) => staffCall(gateway.url, 'GET', path);
const loadedAccount = () => loadedAccountThrough(gateway.url);

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
    const primary = await readItem(
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
    const primary = await readItem(
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
    expect(response.body).toMatchObject({
      type: problemType('contractTaken'),
      contractNumber: contract.toUpperCase(),
    });
    expect(await readItem(externalIdKeys('account', body.externalId))).toBeUndefined();
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
    expect(await readItem(accountKeys(account.id))).toMatchObject({
      externalId: account.body.externalId,
    });
  });
});
