import { readUserPoolConfig } from '#core/config';
import { createApiHandler } from '#core/http/stack';
import { PUBLIC_ROUTES } from './routes.ts';

const userPool = readUserPoolConfig();

export const handler = createApiHandler(PUBLIC_ROUTES, {
  getHealth: async () => ({ status: 200, body: { status: 'ok' } }),
  getClientConfig: async () => ({
    status: 200,
    body: {
      region: userPool.region,
      userPoolId: userPool.userPoolId,
      userPoolClientId: userPool.userPoolClientId,
      ...(userPool.endpoint ? { cognitoEndpoint: userPool.endpoint } : {}),
    },
  }),
});
