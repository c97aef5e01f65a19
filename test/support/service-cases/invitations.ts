/**
 * Answering an invitation (functions/me/invitations.ts): only the invited
 * login, with a live session, answers only its own invitation, once; an
 * unproven login answers only the account that created it.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LoginCaller } from '#core/access/caller';
import type { Contact } from '#core/entities/contact';
import { createContactPut } from '#core/entities/contact';
import { createLoginPut, type LoginProfile } from '#core/entities/login';
import { createMembershipPut, declineMembershipDelete } from '#core/entities/membership';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { acceptInvitation, declineInvitation } from '../../../functions/me/invitations.ts';
import { memberOf, newAccount, storeAccount, storedOf, watched } from '../store-accounts.ts';
import { AT, expectProblem, refusalOf } from './common.ts';

type Account = ReturnType<typeof newAccount>;

/** The login's profile, as activation writes it (proven unless said otherwise). */
const storeLogin = async (
  store: TableStore,
  loginId: string,
  changes: Partial<LoginProfile> = {}
) =>
  store.put(
    createLoginPut({
      loginId,
      name: 'Ivy Invited',
      email: `${loginId}@customer.example`,
      language: 'en',
      emailProven: true,
      createdAt: AT,
      updatedAt: AT,
      ...changes,
    })
  );

/** A contact of `account` invited to a sub-account (or its holder's login): contact and membership. */
const invite = async (
  store: TableStore,
  account: Account,
  loginId: string,
  holder = false
): Promise<Contact> => {
  const contact = account.contact(holder ? 'primary' : `invited-${randomUUID().slice(0, 8)}`, {
    loginId,
    isPrimary: holder,
    subAccount: holder ? null : { status: 'invited', permissions: ['invoices'] },
  });
  await store.put(createContactPut(contact));
  const { membership } = memberOf(contact);
  await store.put(
    createMembershipPut({
      ...membership,
      role: holder ? 'primary' : 'sub-account',
      primaryContactId: account.primary.id,
      status: 'invited',
    })
  );
  return contact;
};

const loginCaller = (loginId: string, authTime = 0): LoginCaller => ({
  kind: 'login',
  loginId,
  authTime,
});

export const describeInvitations = (name: string, open: () => TableStore) =>
  describe(`${name}: invitations`, () => {
    it('accepting opens the account with the areas granted: membership and contact active, audited', async () => {
      // Prepare
      const account = newAccount();
      const base = open();
      await storeAccount(base, { contacts: [account.primary] });
      const loginId = randomUUID();
      await storeLogin(base, loginId);
      const contact = await invite(base, account, loginId);
      const store = watched(base);

      // Act
      const answer = await acceptInvitation(store, loginCaller(loginId), account.accountId);

      // Assess
      expect(answer).toEqual({
        accountId: account.accountId,
        role: 'sub-account',
        status: 'active',
        permissions: ['invoices'],
      });
      const stored = storedOf(base);
      expect(await stored.membership(contact)).toMatchObject({ status: 'active' });
      expect(await stored.contact(contact)).toMatchObject({
        loginId,
        subAccount: { status: 'active', permissions: ['invoices'] },
        version: contact.version + 1,
      });
      expect(await stored.audit(account.accountId)).toMatchObject([
        { action: 'sub-account.accepted', target: `contact/${contact.id}` },
      ]);
      expect(store.calls).toEqual({ reads: 1, writes: 1 });
    });

    it('declining removes the membership and leaves the contact without a login', async () => {
      // Prepare
      const account = newAccount();
      const store = open();
      await storeAccount(store, { contacts: [account.primary] });
      const loginId = randomUUID();
      await storeLogin(store, loginId);
      const contact = await invite(store, account, loginId);

      // Act
      await declineInvitation(store, loginCaller(loginId), account.accountId);

      // Assess
      const stored = storedOf(store);
      expect(await stored.membership(contact)).toBeUndefined();
      const after = await stored.contact(contact);
      expect(after?.loginId).toBeUndefined();
      expect(after?.subAccount).toBeNull();
      expect(await stored.audit(account.accountId)).toMatchObject([
        { action: 'sub-account.declined' },
      ]);
    });

    it('answers a second accept, or an account that never invited the login, with 404 and writes nothing', async () => {
      // Prepare
      const account = newAccount();
      const other = newAccount();
      const store = open();
      await storeAccount(store, { contacts: [account.primary] });
      await storeAccount(store, { contacts: [other.primary] });
      const loginId = randomUUID();
      await storeLogin(store, loginId);
      const contact = await invite(store, account, loginId);
      await acceptInvitation(store, loginCaller(loginId), account.accountId);

      // Act
      const again = await refusalOf(() =>
        acceptInvitation(store, loginCaller(loginId), account.accountId)
      );
      const declineAfter = await refusalOf(() =>
        declineInvitation(store, loginCaller(loginId), account.accountId)
      );
      const elsewhere = await refusalOf(() =>
        acceptInvitation(store, loginCaller(loginId), other.accountId)
      );

      // Assess
      for (const error of [again, declineAfter, elsewhere]) expectProblem(error, PROBLEM.notFound);
      expect(await storedOf(store).membership(contact)).toMatchObject({ status: 'active' });
      expect(await storedOf(store).audit(account.accountId)).toHaveLength(1);
      expect(await storedOf(store).audit(other.accountId)).toEqual([]);
    });

    it('lets no other login answer an invitation: a stranger and the account’s holder hear 404', async () => {
      // Prepare
      const account = newAccount();
      const store = open();
      await storeAccount(store, { contacts: [account.primary] });
      const invitee = randomUUID();
      const stranger = randomUUID();
      await storeLogin(store, invitee);
      await storeLogin(store, stranger);
      await storeLogin(store, account.primary.loginId ?? '');
      const contact = await invite(store, account, invitee);

      // Act
      const byStranger = await refusalOf(() =>
        acceptInvitation(store, loginCaller(stranger), account.accountId)
      );
      const byHolder = await refusalOf(() =>
        declineInvitation(store, loginCaller(account.primary.loginId ?? ''), account.accountId)
      );

      // Assess
      expectProblem(byStranger, PROBLEM.notFound);
      expectProblem(byHolder, PROBLEM.notFound);
      expect(await storedOf(store).membership(contact)).toMatchObject({ status: 'invited' });
      expect(await storedOf(store).contact(contact)).toEqual(contact);
    });

    it('lets an unproven login answer only the account that created it', async () => {
      // Prepare
      const creator = newAccount();
      const other = newAccount();
      const store = open();
      await storeAccount(store, { contacts: [creator.primary] });
      await storeAccount(store, { contacts: [other.primary] });
      const loginId = randomUUID();
      await storeLogin(store, loginId, {
        emailProven: false,
        confinedToAccountId: creator.accountId,
      });
      await invite(store, creator, loginId);
      const elsewhere = await invite(store, other, loginId);

      // Act
      const refused = await refusalOf(() =>
        acceptInvitation(store, loginCaller(loginId), other.accountId)
      );
      const accepted = await acceptInvitation(store, loginCaller(loginId), creator.accountId);

      // Assess
      expectProblem(refused, PROBLEM.notFound);
      expect(accepted.status).toBe('active');
      expect(await storedOf(store).membership(elsewhere)).toMatchObject({ status: 'invited' });
    });

    it('refuses a session older than the login’s cut-off with 401', async () => {
      // Prepare
      const account = newAccount();
      const store = open();
      await storeAccount(store, { contacts: [account.primary] });
      const loginId = randomUUID();
      await storeLogin(store, loginId, { sessionsNotBefore: 2_000_000_000 });
      const contact = await invite(store, account, loginId);

      // Act
      const error = await refusalOf(() =>
        acceptInvitation(store, loginCaller(loginId, 1_900_000_000), account.accountId)
      );

      // Assess
      expectProblem(error, PROBLEM.sessionEnded);
      expect(await storedOf(store).membership(contact)).toMatchObject({ status: 'invited' });
    });

    it('answers an invitation withdrawn between the read and the write with 409, writing nothing', async () => {
      // Prepare
      const account = newAccount();
      const base = open();
      await storeAccount(base, { contacts: [account.primary] });
      const loginId = randomUUID();
      await storeLogin(base, loginId);
      const contact = await invite(base, account, loginId);
      const ids = { loginId, accountId: account.accountId };
      const store = watched(base, (table) => table.delete(declineMembershipDelete(ids)));

      // Act
      const error = await refusalOf(() =>
        acceptInvitation(store, loginCaller(loginId), account.accountId)
      );

      // Assess
      expectProblem(error, PROBLEM.invitationGone);
      expect(await storedOf(base).contact(contact)).toEqual(contact);
      expect(await storedOf(base).audit(account.accountId)).toEqual([]);
    });

    it('accepting its holder’s login leaves the holder’s contact as it was, version aside', async () => {
      // Prepare
      const account = newAccount();
      const store = open();
      const loginId = randomUUID();
      await storeAccount(store, { contacts: [account.contact('someone')] });
      await storeLogin(store, loginId);
      const holder = await invite(store, account, loginId, true);

      // Act
      const answer = await acceptInvitation(store, loginCaller(loginId), account.accountId);

      // Assess
      expect(answer).toMatchObject({ role: 'primary', status: 'active' });
      expect(await storedOf(store).contact(holder)).toEqual({
        ...holder,
        version: 2,
        updatedAt: expect.any(String),
      });
      expect(await storedOf(store).audit(account.accountId)).toMatchObject([
        { action: 'primary.login.accepted' },
      ]);
    });
  });
