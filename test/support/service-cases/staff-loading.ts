/**
 * The operators' loads (functions/staff/accounts.ts, services.ts,
 * invoices.ts): keyed by external id, so a repeated load replaces what the
 * first created instead of adding a second; a contract or an external id of
 * another account is refused and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import type { StaffCaller, StaffCheck } from '#core/access/caller';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { loadAccount } from '../../../functions/staff/accounts.ts';
import { loadInvoice } from '../../../functions/staff/invoices.ts';
import { resolveExternalId } from '../../../functions/staff/loaded.ts';
import { getAccountForStaff } from '../../../functions/staff/lookups.ts';
import {
  accountLoadSchema,
  invoiceLoadSchema,
  serviceLoadSchema,
} from '../../../functions/staff/schemas.ts';
import { loadService } from '../../../functions/staff/services.ts';
import { accountLoad, invoiceLoad, serviceLoad } from '../loads.ts';
import { storedOf, watched } from '../store-accounts.ts';
import { expectProblem, refusalOf } from './common.ts';

const HELPDESK: StaffCaller = { kind: 'staff', staffId: 'staff-helpdesk', username: 'helpdesk' };

/** The reads the live staff check would share, straight from the table (the check itself is the authorizer's). */
const readsOf = (store: TableStore): StaffCheck => ({
  read: (keys) => store.getMany(keys),
});

const accountInput = (overrides: Record<string, unknown> = {}) =>
  accountLoadSchema.parse(accountLoad(overrides));
const serviceInput = (contractNumber: string, overrides: Record<string, unknown> = {}) =>
  serviceLoadSchema.parse(serviceLoad(contractNumber, overrides));

/** A freshly loaded account and its first contract number. */
const loadedAccount = async (store: TableStore) => {
  const input = accountInput();
  const { value } = await loadAccount(store, HELPDESK, readsOf(store), input);
  return { account: value, contractNumber: value.contractNumbers[0] ?? '' };
};

export const describeStaffLoading = (name: string, open: () => TableStore) =>
  describe(`${name}: staff loading`, () => {
    it('a repeated account load replaces name and domains and adds contracts, keeping the one account', async () => {
      // Prepare
      const store = open();
      const first = accountInput();
      const created = await loadAccount(store, HELPDESK, readsOf(store), first);
      const added = `${created.value.contractNumbers[0]}-B`;
      const again = {
        ...first,
        name: 'Renamed GmbH',
        hostedDomains: ['renamed.example'],
        contractNumbers: [added],
      };

      // Act
      const reloaded = await loadAccount(store, HELPDESK, readsOf(store), again);

      // Assess
      expect(created.created).toBe(true);
      expect(reloaded.created).toBe(false);
      expect(reloaded.value).toMatchObject({
        id: created.value.id,
        name: 'Renamed GmbH',
        hostedDomains: ['renamed.example'],
        // A contract is never removed: services and invoices may still name it.
        contractNumbers: [...created.value.contractNumbers, added],
        version: 2,
      });
      expect(await getAccountForStaff(store, created.value.id)).toMatchObject({
        name: 'Renamed GmbH',
        version: 2,
        counts: { contacts: 1, subAccounts: 0 },
      });
      expect(await resolveExternalId(store, 'account', first.externalId)).toEqual({
        kind: 'account',
        externalId: first.externalId,
        accountId: created.value.id,
      });
      // Newest first; two loads within one millisecond have no order between them.
      const audit = await storedOf(store).audit(created.value.id);
      expect(audit.map((entry) => entry.at)).toEqual(
        audit
          .map((entry) => entry.at)
          .sort()
          .reverse()
      );
      expect(audit.map((entry) => entry.action).sort()).toEqual([
        'account.loaded',
        'account.reloaded',
      ]);
      const [newest] = audit;
      if (newest && newest.at > (audit[1]?.at ?? ''))
        expect(newest.action).toBe('account.reloaded');
    });

    it('the same load again changes nothing and writes nothing', async () => {
      // Prepare
      const base = open();
      const input = accountInput();
      const created = await loadAccount(base, HELPDESK, readsOf(base), input);
      const store = watched(base);

      // Act
      const reloaded = await loadAccount(store, HELPDESK, readsOf(store), input);

      // Assess
      expect(reloaded).toEqual({ value: created.value, created: false });
      expect(store.calls.writes).toBe(0);
    });

    it('refuses an account load naming a contract another account holds (409) and creates nothing', async () => {
      // Prepare
      const store = open();
      const theirs = await loadedAccount(store);
      const input = accountInput({ contractNumbers: [theirs.contractNumber] });

      // Act
      const error = await refusalOf(() => loadAccount(store, HELPDESK, readsOf(store), input));

      // Assess
      expectProblem(error, PROBLEM.contractTaken);
      expect(error.extensions).toMatchObject({ contractNumber: theirs.contractNumber });
      const lookup = await refusalOf(() => resolveExternalId(store, 'account', input.externalId));
      expectProblem(lookup, PROBLEM.notFound);
    });

    it('refuses a reload that would add another account’s contract and leaves the account as it was', async () => {
      // Prepare
      const store = open();
      const theirs = await loadedAccount(store);
      const first = accountInput();
      const mine = await loadAccount(store, HELPDESK, readsOf(store), first);
      const again = { ...first, name: 'Taken Over GmbH', contractNumbers: [theirs.contractNumber] };

      // Act
      const error = await refusalOf(() => loadAccount(store, HELPDESK, readsOf(store), again));

      // Assess
      expectProblem(error, PROBLEM.contractTaken);
      expect(await getAccountForStaff(store, mine.value.id)).toMatchObject({
        name: first.name,
        contracts: mine.value.contractNumbers,
        version: 1,
      });
    });

    it('a repeated service load replaces its fields in place: same service, one version up', async () => {
      // Prepare
      const store = open();
      const { account, contractNumber } = await loadedAccount(store);
      const first = serviceInput(contractNumber);
      const created = await loadService(store, HELPDESK, readsOf(store), account.id, first);

      // Act
      const reloaded = await loadService(store, HELPDESK, readsOf(store), account.id, {
        ...first,
        label: 'Web hosting L',
        status: 'suspended',
      });

      // Assess
      expect(created.created).toBe(true);
      expect(reloaded).toMatchObject({
        created: false,
        value: { id: created.value.id, label: 'Web hosting L', status: 'suspended', version: 2 },
      });
      expect(await storedOf(store).service(created.value)).toEqual(reloaded.value);
    });

    it('refuses a service on a contract of another account (400) and writes nothing', async () => {
      // Prepare
      const store = open();
      const mine = await loadedAccount(store);
      const theirs = await loadedAccount(store);
      const input = serviceInput(theirs.contractNumber);

      // Act
      const error = await refusalOf(() =>
        loadService(store, HELPDESK, readsOf(store), mine.account.id, input)
      );

      // Assess
      expectProblem(error, PROBLEM.validationFailed);
      expect(error.extensions.errors).toMatchObject([
        { field: 'contractNumber', code: 'not_allowed', allowed: [mine.contractNumber] },
      ]);
      const lookup = await refusalOf(() => resolveExternalId(store, 'service', input.externalId));
      expectProblem(lookup, PROBLEM.notFound);
    });

    it('refuses loading another account’s service external id into this account (409)', async () => {
      // Prepare
      const store = open();
      const mine = await loadedAccount(store);
      const theirs = await loadedAccount(store);
      const input = serviceInput(theirs.contractNumber);
      const their = await loadService(store, HELPDESK, readsOf(store), theirs.account.id, input);

      // Act
      const error = await refusalOf(() =>
        loadService(store, HELPDESK, readsOf(store), mine.account.id, {
          ...input,
          contractNumber: mine.contractNumber,
          label: 'Hijacked',
        })
      );

      // Assess
      expectProblem(error, PROBLEM.externalIdTaken);
      expect(await storedOf(store).service(their.value)).toEqual(their.value);
    });

    it('a repeated invoice load replaces it (paid now); another account may not load the same number', async () => {
      // Prepare
      const store = open();
      const mine = await loadedAccount(store);
      const theirs = await loadedAccount(store);
      const first = invoiceLoadSchema.parse(invoiceLoad());
      const created = await loadInvoice(store, readsOf(store), mine.account.id, first);

      // Act
      const paid = await loadInvoice(store, readsOf(store), mine.account.id, {
        ...first,
        status: 'paid',
        paidAt: '2026-03-10',
      });
      const elsewhere = await refusalOf(() =>
        loadInvoice(store, readsOf(store), theirs.account.id, first)
      );

      // Assess
      expect(created.created).toBe(true);
      expect(paid).toMatchObject({
        created: false,
        value: { number: first.number, status: 'paid', paidAt: '2026-03-10', version: 2 },
      });
      expectProblem(elsewhere, PROBLEM.externalIdTaken);
    });
  });
