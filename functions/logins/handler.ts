import { createApiHandler } from '#core/http/stack';
import { toContactView } from '#core/views/contact';
import { requestAccount } from './account-requests.ts';
import { LOGIN_ROUTES } from './routes.ts';
import { putSubAccount, removeSubAccount, setSubAccountStatus } from './sub-accounts.ts';

const contactId = (params: Record<string, string>) => params.contactId ?? '';

export const handler = createApiHandler(LOGIN_ROUTES, {
  requestAccount: async ({ body, sourceIp }) => ({
    status: 202,
    body: await requestAccount(body, sourceIp),
  }),
  putSubAccount: async ({ caller, params, body }) => {
    const contact = await putSubAccount(caller, contactId(params), body);
    return { status: 200, body: toContactView(contact), version: contact.version };
  },
  patchSubAccount: async ({ caller, params, body }) => {
    const contact = await setSubAccountStatus(caller, contactId(params), body.status);
    return { status: 200, body: toContactView(contact), version: contact.version };
  },
  deleteSubAccount: async ({ caller, params }) => {
    await removeSubAccount(caller, contactId(params));
    return { status: 204 };
  },
});
