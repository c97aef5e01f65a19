/** Confirming a new login email for "My Details" (see core/workflows/contact-email.ts). */

import type { MemberCaller } from '#core/access/caller';
import { now } from '#core/platform/clock';
import type { TableStore } from '#core/table/store';
import { confirmEmail } from '#core/workflows/contact-email';
import { commitPrimaryChange, loadAccount, toAccountView } from './service.ts';

export const confirmEmailChange = async (store: TableStore, caller: MemberCaller, code: string) => {
  const loaded = await loadAccount(store, caller.membership);
  const { next, changes, writes } = await confirmEmail(
    loaded.primary,
    code,
    now(),
    caller.loginId,
    store
  );
  const saved = await commitPrimaryChange(
    store,
    caller,
    loaded,
    next,
    { action: 'account.email.confirmed', changes },
    {},
    writes
  );
  return { view: toAccountView(saved), version: saved.account.version };
};
