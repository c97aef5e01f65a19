/**
 * "Request an account" (functions/logins/account-requests.ts): whatever the
 * details, the same answer and no trace in the account; past a rate limit,
 * a 429 before anything is looked up.
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createContractMarkerPut } from '#core/entities/contract';
import { takeRateTokenUpdate } from '#core/entities/rate-counter';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import {
  ACCOUNT_REQUEST_ANSWER,
  ACCOUNT_REQUEST_LIMITS,
  requestAccount,
} from '../../../functions/logins/account-requests.ts';
import { newAccount, storeAccount, storedOf } from '../store-accounts.ts';
import { AT, expectProblem, refusalOf } from './common.ts';

/** An address no other case (nor an earlier run on the same table) counts requests for. */
const sourceIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** An account with its contract marker, a contact without a login and one with. */
const accountWithContract = async (store: TableStore) => {
  const account = newAccount();
  const contractNumber = `R-${account.accountId.slice(0, 8)}`;
  const withoutLogin = account.contact('nologin', {
    email: `nologin-${account.accountId}@customer.example`,
  });
  const withLogin = account.subAccount('withlogin', [], {
    email: `withlogin-${account.accountId}@customer.example`,
  });
  await storeAccount(store, { contacts: [account.primary, withoutLogin, withLogin] });
  await store.put(
    createContractMarkerPut({
      contractNumber,
      accountId: account.accountId,
      createdAt: AT,
    })
  );
  return { ...account, contractNumber, withoutLogin, withLogin };
};

/** Takes every token of a limit's window, as that many earlier requests did. */
const useUp = async (
  store: TableStore,
  subject: string,
  limit: { limit: number; windowSeconds: number }
) => {
  for (let taken = 0; taken < limit.limit; taken++)
    await store.update(takeRateTokenUpdate({ subject, ...limit }, new Date()));
};

export const describeAccountRequests = (name: string, open: () => TableStore) =>
  describe(`${name}: account requests`, () => {
    it('answers an unknown contract, another account’s contact and a contact with a login alike, and invites nobody', async () => {
      // Prepare
      const store = open();
      const mine = await accountWithContract(store);
      const theirs = await accountWithContract(store);

      // Act: at once (each answer takes its minimum time), from addresses of their own
      const answers = await Promise.all([
        requestAccount(
          store,
          { contractNumber: 'R-NOSUCH', email: mine.withoutLogin.email },
          sourceIp()
        ),
        requestAccount(
          store,
          { contractNumber: mine.contractNumber, email: theirs.withoutLogin.email },
          sourceIp()
        ),
        requestAccount(
          store,
          { contractNumber: mine.contractNumber, email: mine.withLogin.email },
          sourceIp()
        ),
      ]);

      // Assess
      expect(answers).toEqual([
        ACCOUNT_REQUEST_ANSWER,
        ACCOUNT_REQUEST_ANSWER,
        ACCOUNT_REQUEST_ANSWER,
      ]);
      const stored = storedOf(store);
      expect(await stored.contact(mine.withoutLogin)).toEqual(mine.withoutLogin);
      expect(await stored.contact(mine.withLogin)).toEqual(mine.withLogin);
      expect(await stored.contact(theirs.withoutLogin)).toEqual(theirs.withoutLogin);
      expect(await stored.audit(mine.accountId)).toEqual([]);
      expect(await stored.audit(theirs.accountId)).toEqual([]);
    });

    it('refuses a fourth request for one address within the hour with a 429, before looking anything up', async () => {
      // Prepare
      const store = open();
      const mine = await accountWithContract(store);
      const email = mine.withoutLogin.email.toLowerCase();
      await useUp(store, `account-request#email#${email}`, ACCOUNT_REQUEST_LIMITS.perEmail);

      // Act
      const error = await refusalOf(() =>
        requestAccount(store, { contractNumber: mine.contractNumber, email }, sourceIp())
      );

      // Assess
      expectProblem(error, PROBLEM.rateLimited);
      expect(await storedOf(store).contact(mine.withoutLogin)).toEqual(mine.withoutLogin);
      expect(await storedOf(store).audit(mine.accountId)).toEqual([]);
    });

    it('refuses a source address past its hourly requests whatever email it names', async () => {
      // Prepare
      const store = open();
      const mine = await accountWithContract(store);
      const ip = sourceIp();
      await useUp(store, `account-request#ip#${ip}`, ACCOUNT_REQUEST_LIMITS.perSourceIp);

      // Act
      const error = await refusalOf(() =>
        requestAccount(
          store,
          { contractNumber: mine.contractNumber, email: mine.withoutLogin.email },
          ip
        )
      );

      // Assess
      expectProblem(error, PROBLEM.rateLimited);
      expect(await storedOf(store).contact(mine.withoutLogin)).toEqual(mine.withoutLogin);
      expect(await storedOf(store).audit(mine.accountId)).toEqual([]);
    });
  });
