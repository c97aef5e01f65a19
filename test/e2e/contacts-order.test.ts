/**
 * The contacts list in name order: last name, first name, then id, without
 * case or accents; cursors are positions in that order, so they stay valid
 * while contacts are renamed.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { foldName } from '#core/rules/name-order';
import { useGateway } from '../support/gateway.ts';
import { readPages } from '../support/http.ts';
import { signedInTenant } from '../support/tenants.ts';

const { api } = useGateway();

type Listed = { id: string; firstName: string; lastName: string };

const sortKey = (contact: Listed) => [foldName(contact.lastName), foldName(contact.firstName)];

const inNameOrder = (contacts: Listed[]) =>
  contacts.every((contact, index) => {
    const before = contacts[index - 1];
    if (!before) return true;
    const [[lastA = '', firstA = ''], [lastB = '', firstB = '']] = [
      sortKey(before),
      sortKey(contact),
    ];
    return lastA < lastB || (lastA === lastB && firstA <= firstB);
  });

const setUp = async (label: string, names: [first: string, last: string][]) => {
  const { tenant, token } = await signedInTenant(label);
  const path = `/accounts/${tenant.accountId}/contacts`;
  const ids: string[] = [];
  for (const [firstName, lastName] of names) {
    const created = await api('POST', path, {
      token,
      body: {
        firstName,
        lastName,
        email: `order-${randomUUID().slice(0, 8)}@elsewhere.example`,
        phone: '+441632960321',
        address: { line1: '9 Side Street', city: 'York', postcode: 'YO1 7HH', country: 'GB' },
      },
    });
    expect(created.status, created.text).toBe(201);
    ids.push(created.body.id as string);
  }
  const list = async (limit: number, from?: string) =>
    (
      await readPages<Listed>((andCursor) =>
        api('GET', `${path}?limit=${limit}${andCursor || (from ? `&cursor=${from}` : '')}`, {
          token,
        })
      )
    ).flat();
  return { tenant, token, path, ids, list };
};

describe('GET /accounts/{accountId}/contacts in name order', () => {
  it('sorts by last name, then first name, whatever the case and accents', async () => {
    // Prepare
    const { ids, list } = await setUp('Ordered', [
      ['Zoë', 'Ångström'],
      ['Éva', 'Smith'],
      ['Adam', 'Smith Jones'],
      ['carl', 'smith'],
      ['Bob', 'Álvarez'],
      ['ana', 'alvarez'],
    ]);
    const [zoe, eva, adam, carl, bob, ana] = ids;

    // Act
    const listed = await list(2);

    // Assess
    const ours = listed.map((contact) => contact.id).filter((id) => ids.includes(id));
    expect(ours).toEqual([ana, bob, zoe, carl, eva, adam]);
    expect(inNameOrder(listed)).toBe(true);
  });

  it('keeps a cursor valid across renames: it continues from the position it was issued at', async () => {
    // Prepare
    const { tenant, path, token, list } = await setUp('Renames', [
      ['A', 'Cursor'],
      ['B', 'Cursor'],
      ['C', 'Cursor'],
      ['D', 'Cursor'],
    ]);
    const everyone = await list(100);
    const first = await api('GET', `${path}?limit=2`, { token });
    const [, lastOnPage] = first.body.items as Listed[];
    // The primary changes through My Details, not here.
    const laterOne = everyone
      .filter((contact) => contact.id !== tenant.primaryContactId)
      .at(-1) as Listed;
    const rename = (contactId: string, lastName: string) =>
      api('PATCH', `${path}/${contactId}`, { token, body: { lastName } });
    // The page's last contact moves to the end; a later one moves before the cursor.
    expect((await rename(lastOnPage?.id ?? '', 'Zzz Moved')).status).toBe(200);
    expect((await rename(laterOne.id, 'Aaa Moved')).status).toBe(200);

    // Act
    const rest = await list(2, first.body.cursor as string);

    // Assess
    const restIds = rest.map((contact) => contact.id);
    const shown = new Set((first.body.items as Listed[]).map((contact) => contact.id));
    expect(restIds.filter((id) => shown.has(id) && id !== lastOnPage?.id)).toEqual([]);
    expect(restIds).not.toContain(laterOne.id);
    expect(rest.at(-1)).toMatchObject({ id: lastOnPage?.id, lastName: 'Zzz Moved' });
    expect(restIds).toHaveLength(everyone.length - 2);
    expect(inNameOrder(rest)).toBe(true);
  });
});
