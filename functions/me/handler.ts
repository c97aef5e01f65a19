import { createApiHandler } from '#core/http/stack';
import { generatePassword } from '#core/passwords';
import { PASSWORD_POLICY } from '#core/user-pool';
import { ME_ROUTES } from './routes.ts';
import { describeLogin } from './service.ts';
import { describeStaffLogin } from './staff.ts';

export const handler = createApiHandler(ME_ROUTES, {
  getMe: async ({ caller }) => ({ status: 200, body: await describeLogin(caller.loginId) }),
  // Generated here so the portal never duplicates the policy; no-store keeps it out of caches.
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
