import { readUserPoolConfig } from '#core/config';
import { createApiHandler } from '#core/http/stack';

const userPool = readUserPoolConfig();

export const handler = createApiHandler('public', {
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
