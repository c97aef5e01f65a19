/** Confirming a new login email for "My Details" (see core/contact-email.ts). */

import { now } from '#core/clock';
import { confirmEmail } from '#core/contact-email';
import type { MemberCaller } from '#core/http/types';
import { commitPrimaryChange, loadAccount, toAccountView } from './service.ts';

export const confirmEmailChange = async (caller: MemberCaller, code: string) => {
  const loaded = await loadAccount(caller.membership);
  const { next, changes, writes } = await confirmEmail(loaded.primary, code, now(), caller.loginId);
  const saved = await commitPrimaryChange(
    caller,
    loaded,
    next,
    { action: 'account.email.confirmed', changes },
    {},
    writes
  );
  return { view: toAccountView(saved), version: saved.account.version };
};
