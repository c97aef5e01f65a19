import { createApiHandler } from '#core/http/stack';
import { listAuditEntries } from './audit.ts';
import { confirmEmailChange } from './email-change.ts';
import { ACCOUNT_ROUTES } from './routes.ts';
import { getAccountDetails, updateMyDetails } from './service.ts';

export const handler = createApiHandler(ACCOUNT_ROUTES, {
  getAccount: async ({ caller }) => {
    const { view, version } = await getAccountDetails(caller);
    return { status: 200, body: view, version };
  },
  patchAccount: async ({ caller, body, ifMatchVersion }) => {
    const { view, version } = await updateMyDetails(caller, body, {
      ifMatch: ifMatchVersion,
      bodyVersion: body.version,
    });
    return { status: 200, body: view, version };
  },
  listAudit: async ({ caller, query }) => ({
    status: 200,
    body: await listAuditEntries(caller, query),
  }),
  confirmAccountEmail: async ({ caller, body }) => {
    const { view, version } = await confirmEmailChange(caller, body.code);
    return { status: 200, body: view, version };
  },
});
