/**
 * Calls the staff function's handler in-process, with the event API Gateway
 * sends once the staff authorizer has accepted a staff access token (the
 * claims below). Tests the staff routes' behaviour without a staff login;
 * the authorizer itself is tested through the gateway.
 */
import { randomUUID } from 'node:crypto';
import { STAFF_ROUTES } from '../../functions/staff/routes.ts';
import { buildContext, buildEvent } from '../../local/gateway-event.ts';
import { createRouteMatcher } from '../../local/gateway-routes.ts';
import type { ApiAnswer, StaffApi } from '../../scripts/import/staff-api.ts';

export const STAFF_CLAIMS = {
  sub: 'staff-test-0001',
  token_use: 'access',
  username: 'operator@portico.example',
};

const match = createRouteMatcher(STAFF_ROUTES);

export interface StaffResponse extends ApiAnswer {
  headers: Record<string, string>;
  text: string;
}

export const callStaffHandler = async (
  method: 'GET' | 'POST',
  path: string,
  body?: unknown
): Promise<StaffResponse> => {
  const found = match(method, path);
  if (found.kind !== 'found') throw new Error(`no staff route for ${method} ${path}`);
  const { handler } = await import('../../functions/staff/handler.ts');
  const requestId = randomUUID();
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
  const event = buildEvent(
    {
      method,
      rawPath: path,
      rawQueryString: '',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: payload,
      sourceIp: '127.0.0.1',
      protocol: 'HTTP/1.1',
      requestId,
      receivedAt: new Date(),
    },
    found.route,
    found.pathParameters,
    { claims: STAFF_CLAIMS, scopes: null }
  );
  const result = (await handler(event as never, buildContext('staff', requestId) as never)) as {
    statusCode: number;
    headers?: Record<string, string>;
    body?: string;
  };
  const text = result.body ?? '';
  return {
    status: result.statusCode,
    headers: result.headers ?? {},
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    text,
  };
};

/** The import command's transport, straight into the handler. */
export const inProcessStaffApi: StaffApi = {
  send: (method, path, body) => callStaffHandler(method, path, body),
};
