/**
 * Calls to the staff routes through a gateway, with this worker's staff
 * access token (test/support/staff.ts): loading data the way operators do.
 */
import type { StaffApi } from '../../scripts/import/staff-api.ts';
import { httpStaffApi } from '../../scripts/import/staff-api.ts';
import { type ApiResponse, callApi } from './http.ts';
import { staffAccessToken } from './staff.ts';

export const staffCall = async (
  gatewayUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown
): Promise<ApiResponse> =>
  callApi(gatewayUrl, method, path, { token: await staffAccessToken(), body });

/** The import command's transport, signed in as this worker's staff login. */
export const staffApiFor = async (gatewayUrl: string): Promise<StaffApi> =>
  httpStaffApi(gatewayUrl, {
    accessToken: await staffAccessToken(),
    refresh: async () => undefined,
  });
