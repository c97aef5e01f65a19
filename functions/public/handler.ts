import { createPublicApiHandler } from '#core/http/public-stack';
import { readStaffPoolConfig, readUserPoolConfig } from '#core/platform/config';
import { PUBLIC_ROUTES } from './routes.ts';

const userPool = readUserPoolConfig();
const staffPool = readStaffPoolConfig();

export const handler = createPublicApiHandler(PUBLIC_ROUTES, {
  getHealth: async () => ({ status: 200, body: { status: 'ok' } }),
  getClientConfig: async () => ({
    status: 200,
    body: {
      region: userPool.region,
      userPoolId: userPool.userPoolId,
      userPoolClientId: userPool.userPoolClientId,
      // Where the staff console signs in (a separate pool with TOTP required).
      staff: { userPoolId: staffPool.userPoolId, userPoolClientId: staffPool.userPoolClientId },
      ...(userPool.endpoint ? { cognitoEndpoint: userPool.endpoint } : {}),
    },
  }),
});
