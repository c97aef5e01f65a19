/**
 * The conditions the feedback function relies on, on the memory table (the
 * same cases run against DynamoDB Local in test/integration/feedback-handler.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { contactKeys, createContactPut, fromContactItem } from '#core/entities/contact';
import { markContactEmailStatusUpdate } from '#core/entities/contact-email-status';
import { contactEmailLogPageQuery, createEmailLogPut } from '#core/entities/email-log';
import { createSuppressionPut } from '#core/entities/suppression';
import { updateIf } from '#core/table/store';
import { memoryTableStore } from '../support/memory-table/store.ts';
import { contactOf } from '../support/profiles.ts';

const bounced = (address: string) => ({
  status: 'bounced' as const,
  at: '2026-02-01T10:00:00.000Z',
  address,
});

describe('feedback writes', () => {
  it('marks a contact once per address, and only while it still has that address', async () => {
    // Prepare
    const store = memoryTableStore();
    const contact = contactOf('reader', { email: 'Reader@Customer.example' });
    await store.put(createContactPut(contact));
    const status = bounced('reader@customer.example');

    // Act
    const first = await updateIf(store, markContactEmailStatusUpdate(contact, status));
    const again = await updateIf(store, markContactEmailStatusUpdate(contact, status));
    const stale = await updateIf(
      store,
      markContactEmailStatusUpdate(
        { ...contact, email: 'old@customer.example' },
        bounced('old@customer.example')
      )
    );

    // Assess
    const stored = fromContactItem(
      (await store.get({
        Key: contactKeys({ accountId: contact.accountId, contactId: contact.id }),
      })) ?? {}
    );
    expect([first, again, stale]).toEqual([true, false, false]);
    expect(stored.emailStatus).toEqual(status);
    expect(stored.version).toBe(contact.version + 1);
  });

  it('writes one suppression per address, normalised; a second report is refused', async () => {
    // Prepare
    const store = memoryTableStore();
    const suppression = {
      address: ' Jane@Example.com ',
      reason: 'bounce' as const,
      at: '2026-02-01T10:00:00.000Z',
      createdAt: '2026-02-01T10:00:01.000Z',
    };

    // Act
    await store.put(createSuppressionPut(suppression));
    const second = store.put(createSuppressionPut({ ...suppression, reason: 'complaint' }));

    // Assess
    await expect(second).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(createSuppressionPut(suppression).Item).toMatchObject({
      pk: 'SUPPRESS#jane@example.com',
      address: 'jane@example.com',
    });
  });

  it('lists a contact’s email log entries newest first, and no other contact’s', async () => {
    // Prepare
    const store = memoryTableStore();
    const entry = (id: string, at: string, contactId?: string) => ({
      id,
      accountId: 'a1',
      at,
      to: 'reader@customer.example',
      ...(contactId ? { contactId } : {}),
      category: 'support' as const,
      subject: id,
      status: 'sent' as const,
      updatedAt: at,
    });
    await store.put(createEmailLogPut(entry('old', '2026-01-01T00:00:00.000Z', 'c1')));
    await store.put(createEmailLogPut(entry('new', '2026-01-02T00:00:00.000Z', 'c1')));
    await store.put(createEmailLogPut(entry('theirs', '2026-01-03T00:00:00.000Z', 'c2')));
    await store.put(createEmailLogPut(entry('nobody', '2026-01-04T00:00:00.000Z')));

    // Act
    const { items } = await store.query(contactEmailLogPageQuery('a1', 'c1', { limit: 10 }));

    // Assess
    expect(items.map((item) => item.id)).toEqual(['new', 'old']);
  });
});
