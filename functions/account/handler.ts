import { createApiHandler } from '#core/http/stack';
import { tableStore } from '#core/table/function-store';
import { listAuditEntries } from './audit.ts';
import { confirmEmailChange } from './email-change.ts';
import { listContactEmailLog, listEmailLog, listOwnEmailLog } from './email-log.ts';
import { ACCOUNT_ROUTES } from './routes.ts';
import { getAccountDetails, updateMyDetails } from './service.ts';

export const handler = createApiHandler(ACCOUNT_ROUTES, {
  getAccount: async ({ caller }) => {
    const { view, version } = await getAccountDetails(tableStore, caller);
    return { status: 200, body: view, version };
  },
  patchAccount: async ({ caller, body, ifMatchVersion }) => {
    const { view, version } = await updateMyDetails(tableStore, caller, body, {
      ifMatch: ifMatchVersion,
      bodyVersion: body.version,
    });
    return { status: 200, body: view, version };
  },
  listAudit: async ({ caller, query }) => ({
    status: 200,
    body: await listAuditEntries(tableStore, caller, query),
  }),
  listEmails: async ({ caller, query }) => ({
    status: 200,
    body: await listEmailLog(tableStore, caller, query),
  }),
  listContactEmails: async ({ caller, params, query }) => ({
    status: 200,
    body: await listContactEmailLog(tableStore, caller, params.contactId ?? '', query),
  }),
  listOwnEmails: async ({ caller, query }) => ({
    status: 200,
    body: await listOwnEmailLog(tableStore, caller, query),
  }),
  confirmAccountEmail: async ({ caller, body }) => {
    const { view, version } = await confirmEmailChange(tableStore, caller, body.code);
    return { status: 200, body: view, version };
  },
});
