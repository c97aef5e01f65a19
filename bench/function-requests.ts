/**
 * The requests each API function serves in the memory and route-cost runs
 * (bench/function-memory.ts): its everyday reads and the writes of the cost
 * model's route mix, against the bench account. `times` caps a route that a
 * rate limit would otherwise turn into 429s within the run.
 */
import { ENV } from '#core/platform/config';
import type { RouteId } from '../functions/routes.ts';
import { type Invocation, invocation } from './api-event.ts';
import type { BenchAccount } from './bench-account.ts';
import { functionEnv } from './function-env.ts';

/** The staff console's client id the bench's functions are configured with. */
const STAFF_CLIENT_ID = functionEnv()[ENV.staffUserPoolClientId] ?? '';

export interface BenchRequest {
  routeId: RouteId;
  /** The status a served request answers. */
  status: number;
  /** At most this many per run (rate-limited routes). */
  times?: number;
  build: (account: BenchAccount, index: number) => Invocation;
}

const member =
  (routeId: RouteId): BenchRequest['build'] =>
  (account) =>
    invocation(routeId, { accountId: account.accountId }, account.loginId);

export const FUNCTION_REQUESTS: Record<string, BenchRequest[]> = {
  public: [
    { routeId: 'getHealth', status: 200, build: () => invocation('getHealth', {}, '') },
    { routeId: 'getClientConfig', status: 200, build: () => invocation('getClientConfig', {}, '') },
  ],
  me: [
    {
      routeId: 'getMe',
      status: 200,
      build: (account) => invocation('getMe', {}, account.loginId),
    },
  ],
  account: [
    { routeId: 'getAccount', status: 200, build: member('getAccount') },
    {
      routeId: 'patchAccount',
      status: 200,
      build: (account, index) =>
        invocation('patchAccount', { accountId: account.accountId }, account.loginId, {
          body: { firstName: `Bench${index % 10}` },
        }),
    },
  ],
  contacts: [{ routeId: 'listContacts', status: 200, build: member('listContacts') }],
  // Each request names its own address and source, so the per-email and per-address limits hold off.
  logins: [
    {
      routeId: 'requestAccount',
      status: 202,
      build: (account, index) =>
        invocation('requestAccount', {}, '', {
          body: {
            contractNumber: account.contractNumber,
            email: `asker-${index}-${account.loginId.slice(-8)}@bench.example`,
          },
          sourceIp: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
        }),
    },
  ],
  services: [{ routeId: 'listServices', status: 200, build: member('listServices') }],
  tickets: [
    { routeId: 'listTickets', status: 200, build: member('listTickets') },
    {
      routeId: 'createTicket',
      status: 201,
      // TICKET_OPENING_LIMIT: 20 per login an hour, the route-cost run's one included.
      times: 15,
      build: (account, index) =>
        invocation('createTicket', { accountId: account.accountId }, account.loginId, {
          body: { subject: `Bench ticket ${index}`, body: 'The bench opened this ticket.' },
        }),
    },
  ],
  billing: [{ routeId: 'listInvoices', status: 200, build: member('listInvoices') }],
  staff: [
    {
      routeId: 'getStaffAccount',
      status: 200,
      build: (account) =>
        invocation('getStaffAccount', { accountId: account.accountId }, account.staffId, {
          claims: { client_id: STAFF_CLIENT_ID, username: 'staff@bench.example' },
        }),
    },
  ],
};

/**
 * `count` requests for one function, its routes taken in turn; a capped
 * route drops out once it has had its share.
 */
export const requestsFor = (
  name: string,
  account: BenchAccount,
  count: number
): { request: BenchRequest; call: Invocation }[] => {
  const requests = FUNCTION_REQUESTS[name] ?? [];
  const served = new Map<RouteId, number>();
  const calls: { request: BenchRequest; call: Invocation }[] = [];
  for (let index = 0; calls.length < count && index < count * requests.length; index++) {
    const request = requests[index % requests.length];
    if (!request) break;
    const done = served.get(request.routeId) ?? 0;
    if (request.times !== undefined && done >= request.times) continue;
    served.set(request.routeId, done + 1);
    calls.push({ request, call: request.build(account, index) });
  }
  return calls;
};
