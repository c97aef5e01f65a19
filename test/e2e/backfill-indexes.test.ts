/**
 * scripts/backfill-indexes.ts against DynamoDB Local: items stored before
 * the contacts-by-name keys and the per-turn queue keys existed get them,
 * show in their lists afterwards, and a second run writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { contactKeys, fromContactItem, toContactItem } from '#core/entities/contact';
import { ticketKeys } from '#core/entities/ticket';
import { dynamo, tableName } from '#core/platform/clients/dynamodb';
import { TABLE } from '#core/table/table';
import { backfillIndexes, staleIndexKeys } from '../../scripts/backfill/indexes.ts';
import { useGateway } from '../support/gateway.ts';
import { readPages } from '../support/http.ts';
import { runScript } from '../support/run-script.ts';
import { staffAccessToken } from '../support/staff.ts';
import { readItem } from '../support/staff-calls.ts';
import { signedInTenant, type Tenant, testContact } from '../support/tenants.ts';
import { storeTicket } from '../support/tickets.ts';

const gateway = useGateway();
const table = { dynamo, tableName };
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Backfill'));
});

const { gsi2 } = TABLE.indexes;

/** A contact as stored before it had name keys. */
const olderContact = async () => {
  const contact = testContact(tenant, new Date().toISOString(), {
    firstName: 'Older',
    lastName: 'Ávila',
    email: `older-${randomUUID().slice(0, 8)}@elsewhere.example`,
    phone: '+441632960002',
    address: { line1: '4 Test Lane', city: 'Leeds', postcode: 'LS1 1AC', country: 'GB' },
  });
  const { [gsi2.partitionKey]: _pk, [gsi2.sortKey]: _sk, ...item } = toContactItem(contact);
  await dynamo.send(new PutCommand({ TableName: tableName, Item: item }));
  return contact.id;
};

/** A ticket as stored when the queue was per status (`TICKETS#open`). */
const olderTicket = async () => {
  const { id } = await storeTicket(tenant);
  const key = ticketKeys({ accountId: tenant.accountId, ticketId: id });
  const item = await readItem(key);
  await dynamo.send(
    new PutCommand({ TableName: tableName, Item: { ...item, [gsi2.partitionKey]: 'TICKETS#open' } })
  );
  return { id, key };
};

const contactIds = async () =>
  (
    await readPages<{ id: string }>((andCursor) =>
      gateway.api('GET', `/accounts/${tenant.accountId}/contacts?limit=100${andCursor}`, { token })
    )
  )
    .flat()
    .map((contact) => contact.id);

const queueIds = async () => {
  const staffToken = await staffAccessToken();
  return (
    await readPages<{ id: string }>((andCursor) =>
      gateway.api('GET', `/staff/tickets?status=open&limit=50${andCursor}`, { token: staffToken })
    )
  )
    .flat()
    .map((ticket) => ticket.id);
};

// The backfill scans the whole shared table, which holds every other test file's items
// by the time this one runs in a full suite: seconds on a quiet machine, more on a busy one.
describe('npm run backfill:indexes', { timeout: 90_000 }, () => {
  it('gives older contacts and tickets today’s index keys, so they show in their lists', async () => {
    // Prepare
    const contactId = await olderContact();
    const ticket = await olderTicket();
    expect(await contactIds()).not.toContain(contactId);
    expect(await queueIds()).not.toContain(ticket.id);

    // Act
    const done = await backfillIndexes(table, { pageSize: 50 });

    // Assess
    expect(done.updated).toBeGreaterThanOrEqual(2);
    expect(await contactIds()).toContain(contactId);
    expect(await queueIds()).toContain(ticket.id);
    const contact = await readItem(contactKeys({ accountId: tenant.accountId, contactId }));
    expect(contact?.[gsi2.sortKey]).toBe(`avila\u0001older\u0001${contactId}`);
    expect((await readItem(ticket.key))?.[gsi2.partitionKey]).toBe('TICKETQUEUE#waiting');
  });

  it('writes nothing on a second run, nor on a dry run', async () => {
    // Prepare
    await backfillIndexes(table);
    const contactId = await olderContact();
    const before = await readItem(contactKeys({ accountId: tenant.accountId, contactId }));

    // Act
    const dryRun = await runScript(
      'scripts/backfill-indexes.ts',
      ['--table-name', tableName, '--dry-run', '--page-size', '100'],
      process.env
    );
    const afterDryRun = await readItem(contactKeys({ accountId: tenant.accountId, contactId }));
    await backfillIndexes(table);
    const again = await backfillIndexes(table);

    // Assess
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toMatch(/backfill done: [1-9]\d* items to update/);
    expect(afterDryRun).toEqual(before);
    expect(again.updated).toBe(0);
    expect(staleIndexKeys(before ?? {})).toEqual({
      [gsi2.partitionKey]: `ACCOUNT#${tenant.accountId}#CONTACTS`,
      [gsi2.sortKey]: `avila\u0001older\u0001${contactId}`,
    });
  });

  it('leaves an item alone that changed between the scan and its update', async () => {
    // Prepare: a client whose scans see the contact just before it is renamed
    const contactId = await olderContact();
    const key = contactKeys({ accountId: tenant.accountId, contactId });
    const racing = {
      send: async (command: unknown) => {
        const answer = await dynamo.send(command as ScanCommand);
        if (command instanceof ScanCommand && answer.Items?.some((item) => item.id === contactId)) {
          const renamed = { ...fromContactItem((await readItem(key)) ?? {}), lastName: 'Newer' };
          await dynamo.send(
            new PutCommand({
              TableName: tableName,
              Item: toContactItem({ ...renamed, version: 2 }),
            })
          );
        }
        return answer;
      },
    } as unknown as DynamoDBDocumentClient;

    // Act
    const done = await backfillIndexes({ dynamo: racing, tableName }, { pageSize: 100 });
    const after = await readItem(key);

    // Assess
    expect(done.skipped).toBeGreaterThanOrEqual(1);
    expect(after).toMatchObject({ version: 2, lastName: 'Newer' });
    expect(after?.[gsi2.sortKey]).toBe(`newer\u0001older\u0001${contactId}`);
  });
});
