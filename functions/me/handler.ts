import { createApiHandler } from '#core/http/stack';
import { describeLogin } from './service.ts';

export const handler = createApiHandler('me', {
  getMe: async ({ caller }) => ({ status: 200, body: await describeLogin(caller.loginId) }),
});
