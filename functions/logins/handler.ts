import { createApiHandler } from '#core/http/stack';
import { tableStore } from '#core/table/function-store';
import { toContactView } from '#core/views/contact';
import { requestAccount } from './account-requests.ts';
import { LOGIN_ROUTES } from './routes.ts';
import { putSubAccount, removeSubAccount, setSubAccountStatus } from './sub-accounts.ts';

const contactId = (params: Record<string, string>) => params.contactId ?? '';

export const handler = createApiHandler(LOGIN_ROUTES, {
  requestAccount: async ({ body, sourceIp }) => ({
    status: 202,
    body: await requestAccount(tableStore, body, sourceIp),
  }),
  putSubAccount: async ({ caller, params, body }) => {
    const contact = await putSubAccount(tableStore, caller, contactId(params), body);
    return { status: 200, body: toContactView(contact), version: contact.version };
  },
  patchSubAccount: async ({ caller, params, body }) => {
    const contact = await setSubAccountStatus(tableStore, caller, contactId(params), body.status);
    return { status: 200, body: toContactView(contact), version: contact.version };
  },
  deleteSubAccount: async ({ caller, params }) => {
    await removeSubAccount(tableStore, caller, contactId(params));
    return { status: 204 };
  },
});
