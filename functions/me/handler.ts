import { generatePassword } from '#core/access/passwords';
import { PASSWORD_POLICY } from '#core/access/user-pool';
import { createApiHandler } from '#core/http/stack';
import { tableStore } from '#core/table/function-store';
import { confirmOwnEmailChange, startOwnEmailChange } from './email.ts';
import { acceptInvitation, declineInvitation } from './invitations.ts';
import { ME_ROUTES } from './routes.ts';
import { describeLogin } from './service.ts';
import { describeStaffLogin } from './staff.ts';

export const handler = createApiHandler(ME_ROUTES, {
  getMe: async ({ caller }) => ({ status: 200, body: await describeLogin(tableStore, caller) }),
  acceptInvitation: async ({ caller, params }) => ({
    status: 200,
    body: await acceptInvitation(tableStore, caller, params.accountId ?? ''),
  }),
  declineInvitation: async ({ caller, params }) => {
    await declineInvitation(tableStore, caller, params.accountId ?? '');
    return { status: 204 };
  },
  // Generated here so the portal never duplicates the policy; no-store keeps it out of caches.
  startOwnEmailChange: async ({ caller, body }) => ({
    status: 202,
    body: await startOwnEmailChange(tableStore, caller, body.email),
  }),
  confirmOwnEmailChange: async ({ caller, body }) => ({
    status: 200,
    body: await confirmOwnEmailChange(tableStore, caller, body.code),
  }),
  suggestPassword: async () => ({
    status: 200,
    headers: { 'cache-control': 'no-store' },
    body: { password: generatePassword(), policy: PASSWORD_POLICY },
  }),
  getStaffMe: async ({ caller, accessToken }) => ({
    status: 200,
    body: await describeStaffLogin(caller, accessToken),
  }),
});
