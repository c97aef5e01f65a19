import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/public/handler.ts';

/** The smallest HTTP API (payload 2.0) event the public function accepts. */
const eventFor = (routeKey: string) => {
  const [method = 'GET', path = '/'] = routeKey.split(' ');
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: { http: { method, path, sourceIp: '192.0.2.1' }, requestId: 'r1', routeKey },
  };
};

const invoke = async (routeKey: string) =>
  (await handler(
    eventFor(routeKey) as never,
    {
      awsRequestId: 'unit',
    } as Context
  )) as APIGatewayProxyStructuredResultV2;

describe('dispatch on the route the gateway matched', () => {
  it('runs the row whose METHOD /path is the event’s routeKey', async () => {
    // Act
    const response = await invoke('GET /health');

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body))).toEqual({ status: 'ok' });
  });

  it('answers a route this function does not serve with a 404 problem, not a 500', async () => {
    // Act
    const response = await invoke('GET /accounts/{accountId}');

    // Assess
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });
});
