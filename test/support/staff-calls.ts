/**
 * Calls to the staff routes through a gateway, with this worker's staff
 * access token (test/support/staff.ts): loading data the way operators do.
 */
import { tableStore } from '#core/table/function-store';
import type { StaffApi } from '../../scripts/import/staff-api.ts';
import { httpStaffApi } from '../../scripts/import/staff-api.ts';
import { type ApiResponse, callApi } from './http.ts';
import { accountLoad, invoiceLoad } from './loads.ts';
import { staffAccessToken } from './staff.ts';

export const staffCall = async (
  gatewayUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown
): Promise<ApiResponse> =>
  callApi(gatewayUrl, method, path, { token: await staffAccessToken(), body });

/** Uploads an invoice's PDF as operators do: the raw file, `application/pdf`. */
export const uploadPdf = async (
  gatewayUrl: string,
  ids: { accountId: string; invoiceNumber: string },
  file: Buffer,
  contentType = 'application/pdf'
): Promise<ApiResponse> =>
  callApi(gatewayUrl, 'PUT', `/staff/accounts/${ids.accountId}/invoices/${ids.invoiceNumber}/pdf`, {
    token: await staffAccessToken(),
    rawBody: file,
    headers: { 'content-type': contentType },
  });

/** The import command's transport, signed in as this worker's staff login. */
export const staffApiFor = async (gatewayUrl: string): Promise<StaffApi> =>
  httpStaffApi(gatewayUrl, {
    accessToken: await staffAccessToken(),
    refresh: async () => undefined,
  });

/** A new account loaded through the staff API: its load body, id and first contract. */
export const loadedAccountThrough = async (gatewayUrl: string) => {
  const body = accountLoad();
  const response = await staffCall(gatewayUrl, 'POST', '/staff/accounts', body);
  if (response.status !== 201)
    throw new Error(`account load answered ${response.status}: ${response.text}`);
  return { body, id: response.body.id as string, contract: body.contractNumbers[0] as string };
};

/** An invoice loaded into the account as operators load them; its number. */
export const loadedInvoiceThrough = async (
  gatewayUrl: string,
  accountId: string,
  body: ReturnType<typeof invoiceLoad> = invoiceLoad()
): Promise<string> => {
  const response = await staffCall(
    gatewayUrl,
    'POST',
    `/staff/accounts/${accountId}/invoices`,
    body
  );
  if (response.status !== 201)
    throw new Error(`invoice load answered ${response.status}: ${response.text}`);
  return body.number;
};

/** An item as stored (consistent read), to check what a load wrote or left alone. */
export const readItem = (key: Record<string, string>) =>
  tableStore.get({ Key: key, ConsistentRead: true });
