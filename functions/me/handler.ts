import { createApiHandler } from '#core/http/stack';
import { ME_ROUTES } from './routes.ts';
import { describeLogin } from './service.ts';

export const handler = createApiHandler(ME_ROUTES, {
  getMe: async ({ caller }) => ({ status: 200, body: await describeLogin(caller.loginId) }),
});
