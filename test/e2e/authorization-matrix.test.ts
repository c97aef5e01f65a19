/**
 * Every route of the route table × every kind of caller, generated from the
 * table itself: a new route joins the matrix automatically and fails until
 * it has a sample request below.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmailPreferences } from '#core/rules/mail-categories';
import type { RouteDefinition } from '../../functions/routes.ts';
import { ROUTES, type RouteId } from '../../functions/routes.ts';
import { disableStaff } from '../../scripts/staff/commands.ts';
import { useGateway } from '../support/gateway.ts';
import { accountLoad, callRecords, invoiceLoad, samplePdf, serviceLoad } from '../support/loads.ts';
import { problemType } from '../support/problems.ts';
import { addService } from '../support/services.ts';
import {
  createStaffLogin,
  staffAccessToken,
  staffAdmin,
  staffTokensFor,
} from '../support/staff.ts';
import { staffCall, uploadPdf } from '../support/staff-calls.ts';
import {
  accessTokenFor,
  addContact,
  addInvitation,
  addSubAccountLogin,
  createTenant,
  subOfToken,
  type Tenant,
} from '../support/tenants.ts';
import { storeTicket } from '../support/tickets.ts';
import { FORM, ONE_CLICK, signedUnsubscribeToken } from '../support/unsubscribe.ts';

type Caller =
  | 'anonymous'
  | 'otherPrimary'
  | 'subWithout'
  | 'suspendedSub'
  | 'subWith'
  | 'primary'
  | 'staff'
  | 'disabledStaff';
const CALLERS: Caller[] = [
  'anonymous',
  'otherPrimary',
  'subWithout',
  'suspendedSub',
  'subWith',
  'primary',
  'staff',
  'disabledStaff',
];

interface Sample {
  body?: unknown;
  /** A raw file body (`application/pdf`) instead of JSON. */
  file?: Buffer;
  /** A form-encoded body instead of JSON. */
  form?: string;
  query?: string | (() => Promise<string>);
  /** Path ids beyond the account; made fresh per call where a call consumes them. */
  params?: (caller: Caller) => Promise<Record<string, string>>;
}

/**
 * The contacts the samples add pile up in the home account (about 150 by the
 * end). With every preference on, each invoice and notice a sample loads
 * would mail all of them: thousands of mails that hold up every other test's
 * mail on the shared stack. Mail to them is not what the matrix checks.
 */
const NO_MAIL: EmailPreferences = {
  general: false,
  product: false,
  domain: false,
  invoice: false,
  support: false,
};

const freshService = async () => ({ serviceId: (await addService(home)).id });
const freshDomain = async () => ({ domainId: (await addService(home, { type: 'domain' })).id });
/** A service or domain and a contact that may be assigned to it. */
const freshAssignment = (idParam: 'serviceId' | 'domainId') => async () => {
  const [service, contact] = await Promise.all([
    addService(home, { type: idParam === 'domainId' ? 'domain' : 'vps' }),
    addContact(home, undefined, { supportScope: 'isolated', emailPreferences: NO_MAIL }),
  ]);
  return { [idParam]: service.id, contactId: contact.contactId };
};
/** A fresh account that has invited the caller's own login (the account id replaces home's). */
const freshInvitation = async (caller: Caller) => {
  const inviter = await createTenant('Matrixinviter');
  const token = tokens[caller];
  if (token)
    await addInvitation(inviter, { loginId: subOfToken(token), email: `${caller}@x.example` });
  return { accountId: inviter.accountId };
};
const freshContact = async () => ({
  contactId: (await addContact(home, undefined, { emailPreferences: NO_MAIL })).contactId,
});
/** The link a fresh contact of the home account would find in its ticket mail. */
const freshUnsubscribeLink = async () =>
  `token=${signedUnsubscribeToken({ accountId: home.accountId, contactId: (await addContact(home, undefined, { emailPreferences: { ...NO_MAIL, support: true } })).contactId, category: 'support' })}`;
const voipService = async () => ({ serviceId: (await addService(home, { type: 'voip' })).id });
const housingService = async () => ({
  serviceId: (await addService(home, { type: 'serverhousing' })).id,
});
/** An invoice of the home account, loaded the way operators load them. */
const homeInvoice = async () => {
  const body = invoiceLoad();
  await staffCall(gateway.url, 'POST', `/staff/accounts/${home.accountId}/invoices`, body);
  return { invoiceNumber: body.number };
};
/** An invoice of the home account with its PDF uploaded. */
const homeInvoiceWithPdf = async () => {
  const ids = await homeInvoice();
  await uploadPdf(gateway.url, { accountId: home.accountId, ...ids }, samplePdf());
  return ids;
};
/** An external id that names an account (a 404 would read as a refusal). */
const loadedAccountId = async () => {
  const body = accountLoad();
  await staffCall(gateway.url, 'POST', '/staff/accounts', body);
  return { kind: 'account', externalId: body.externalId };
};
/** A notice of the home account alone (its contacts are the matrix's own). */
const noticeBody = () => ({
  category: 'general',
  scope: { accountIds: [home.accountId] },
  subject: 'Matrix notice',
  text: 'Checking access.',
});
const freshNotice = async () => {
  const { body } = await staffCall(gateway.url, 'POST', '/staff/notices', noticeBody());
  return { noticeId: (body as { id: string }).id };
};
const freshSubAccount = async () => ({
  contactId: (
    await addSubAccountLogin(home, ['contacts'], 'active', {
      scope: 'none',
      emailPreferences: NO_MAIL,
    })
  ).contactId,
});
/**
 * A ticket of the primary (written directly: the matrix needs more than the
 * openings one login may make per hour); `subWith` is a global support
 * contact, so it sees it too.
 */
const freshTicket = async () => ({ ticketId: (await storeTicket(home)).id });

/** A request each route accepts from an authorised caller. */
const SAMPLES: Record<RouteId, Sample> = {
  getHealth: {},
  getClientConfig: {},
  getMe: {},
  acceptInvitation: { params: freshInvitation },
  declineInvitation: { params: freshInvitation },
  startOwnEmailChange: { body: { email: 'matrix-own@elsewhere.example' } },
  confirmOwnEmailChange: { body: { code: '123456' } },
  getOwnContact: {},
  patchOwnContact: { body: { phone: '+441632960125' } },
  getAccount: {},
  patchAccount: { body: { phone: '+441632960999' } },
  confirmAccountEmail: { body: { code: '123456' } },
  listAudit: { query: 'limit=5' },
  listEmails: { query: 'limit=5' },
  listContactEmails: { query: 'limit=5', params: freshContact },
  listOwnEmails: { query: 'limit=5' },
  listContacts: { query: 'limit=5' },
  createContact: {
    body: {
      firstName: 'Matrix',
      lastName: 'Contact',
      email: 'matrix@elsewhere.example',
      phone: '+441632960123',
      address: { line1: '1 Grid Road', city: 'Leeds', postcode: 'LS1 2AB', country: 'GB' },
    },
  },
  getContact: { params: freshContact },
  patchContact: { body: { phone: '+441632960124' }, params: freshContact },
  deleteContact: { params: freshContact },
  putSubAccount: {
    body: { permissions: ['contacts'], password: 'Matrix-Pass-2026!' },
    params: freshContact,
  },
  patchSubAccount: { body: { status: 'suspended' }, params: freshSubAccount },
  deleteSubAccount: { params: freshSubAccount },
  suggestPassword: {},
  requestAccount: {
    body: { contractNumber: 'NO-SUCH', email: 'matrix-request@elsewhere.example' },
  },
  listServices: { query: 'limit=5' },
  getService: { params: freshService },
  listServiceIps: { params: housingService },
  assignServiceSupportContact: { params: freshAssignment('serviceId') },
  resetServiceSupportContact: { params: freshAssignment('serviceId') },
  listDomains: { query: 'limit=5' },
  getDomain: { params: freshDomain },
  assignDomainSupportContact: { params: freshAssignment('domainId') },
  resetDomainSupportContact: { params: freshAssignment('domainId') },
  listInvoices: { query: 'limit=5' },
  getInvoice: { params: homeInvoice },
  getInvoicePdf: { params: homeInvoiceWithPdf },
  listCalls: { query: 'limit=5', params: voipService },
  listTraffic: { query: 'limit=5&ip=192.0.2.1', params: voipService },
  getTrafficTotals: { query: 'from=2026-01&to=2026-03', params: housingService },
  loadAccount: { body: accountLoad() },
  loadService: { body: serviceLoad('T-MATRIX') },
  loadInvoice: { body: invoiceLoad() },
  uploadInvoicePdf: { file: samplePdf(), params: homeInvoice },
  loadUsage: { body: { calls: callRecords(1) }, params: voipService },
  resolveExternalId: { params: loadedAccountId },
  getStaffMe: {},
  listTickets: { query: 'limit=5&status=open' },
  createTicket: { body: { subject: 'Matrix ticket', body: 'Checking access.' } },
  createTicketUpload: { body: { filename: 'matrix.txt', contentType: 'text/plain', size: 12 } },
  getTicket: { params: freshTicket },
  replyToTicket: { body: { body: 'A reply.' }, params: freshTicket },
  closeTicket: { params: freshTicket },
  listStaffTickets: { query: 'status=open&limit=5' },
  getStaffTicket: { params: freshTicket },
  answerTicket: { body: { body: 'An answer.' }, params: freshTicket },
  findRequester: { query: 'email=matrix-request%40elsewhere.example' },
  listInboundRefusals: {},
  setStaffTicketStatus: { body: { status: 'closed' }, params: freshTicket },
  getStaffAccount: {},
  findStaffAccounts: { query: 'email=matrix-request%40elsewhere.example' },
  getUnsubscribe: { query: freshUnsubscribeLink },
  postUnsubscribe: { query: freshUnsubscribeLink, form: ONE_CLICK },
  // A getter: `home` exists only once beforeAll has run.
  createNotice: {
    get body() {
      return noticeBody();
    },
  },
  listNotices: {},
  getNotice: { params: freshNotice },
};

/** Public routes whose answers still say something of someone (whether a contact gets a category). */
const PRIVATE_PUBLIC: RouteId[] = ['getUnsubscribe', 'postUnsubscribe'];

/** Statuses meaning "refused before the handler ran". */
const REFUSALS = [401, 403, 404];

const expectedFor = (route: RouteDefinition, caller: Caller): 'allowed' | 401 | 403 | 404 => {
  const { access } = route;
  if (access.kind === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  // Each pool's tokens open only its own routes: the authorizers refuse the other pool's.
  // A disabled staff login's token is still valid; its staff item refuses it.
  if (access.kind === 'staff') return caller === 'staff' ? 'allowed' : 401;
  if (caller === 'staff' || caller === 'disabledStaff') return 401;
  if (access.kind === 'login') return 'allowed';
  if (access.kind === 'self') {
    if (caller === 'otherPrimary') return 404;
    return caller === 'suspendedSub' ? 403 : 'allowed';
  }
  if (caller === 'otherPrimary') return 404;
  if (caller === 'primary') return 'allowed';
  if (caller === 'subWithout' || caller === 'suspendedSub') return 403;
  return access.primaryOnly ? 403 : 'allowed';
};

/** The problem type of each refusal: who is refused decides which one. */
const refusalType = (route: RouteDefinition, caller: Caller, status: 401 | 403 | 404) => {
  if (status === 404) return problemType('notFound');
  if (status === 401)
    return caller === 'disabledStaff' && route.access.kind === 'staff'
      ? problemType('staffLoginInactive')
      : problemType('unauthorized');
  if (caller === 'suspendedSub') return problemType('loginSuspended');
  return caller === 'subWithout' ? problemType('areaNotGranted') : problemType('primaryOnly');
};

const gateway = useGateway();
let home: Tenant;
let other: Tenant;
const tokens = {} as Record<Caller, string | undefined>;

beforeAll(async () => {
  [home, other] = await Promise.all([createTenant('Matrixhome'), createTenant('Matrixother')]);
  const areaOf = (route: RouteDefinition) =>
    route.access.kind === 'member' ? route.access.area : undefined;
  const allAreas = [...new Set(ROUTES.map(areaOf).filter((area) => area !== undefined))];
  const [subWith, subWithout, suspended] = await Promise.all([
    addSubAccountLogin(home, allAreas, 'active', { scope: 'global' }),
    addSubAccountLogin(home, []),
    addSubAccountLogin(home, allAreas, 'suspended'),
  ]);
  const [primary, otherPrimary, withToken, withoutToken, suspendedToken] = await Promise.all(
    [home.email, other.email, subWith.email, subWithout.email, suspended.email].map((email) =>
      accessTokenFor(email)
    )
  );
  const staff = await staffAccessToken();
  const disabled = await createStaffLogin('disabled');
  const { AccessToken: disabledStaff } = await staffTokensFor(disabled);
  await disableStaff(staffAdmin(), disabled.username);
  Object.assign(tokens, {
    anonymous: undefined,
    primary,
    otherPrimary,
    subWith: withToken,
    subWithout: withoutToken,
    suspendedSub: suspendedToken,
    staff,
    disabledStaff,
  });
});

const secretsOf = (tenant: Tenant) => [
  tenant.name,
  tenant.email,
  tenant.contractNumber.toUpperCase(),
  tenant.primaryContactId,
];

describe('authorization matrix', () => {
  it('has a sample request for every route', () => {
    for (const route of ROUTES) expect(SAMPLES[route.id], route.id).toBeDefined();
  });

  for (const route of ROUTES as readonly RouteDefinition[]) {
    for (const caller of CALLERS) {
      const expected = expectedFor(route, caller);
      it(`${route.method} ${route.path} as ${caller}: ${expected}`, async () => {
        // Prepare
        const sample = SAMPLES[route.id as RouteId];
        const ids: Record<string, string> = {
          accountId: home.accountId,
          ...(await sample.params?.(caller)),
        };
        const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? name);
        const query = typeof sample.query === 'function' ? await sample.query() : sample.query;
        const url = query ? `${path}?${query}` : path;

        // Act
        const response = await gateway.api(route.method, url, {
          token: tokens[caller],
          body: sample.body,
          ...(sample.file
            ? { rawBody: sample.file, headers: { 'content-type': 'application/pdf' } }
            : {}),
          ...(sample.form ? { rawBody: sample.form, headers: { 'content-type': FORM } } : {}),
        });

        // Assess
        if (expected === 'allowed') expect(REFUSALS, response.text).not.toContain(response.status);
        else {
          expect(response.status, response.text).toBe(expected);
          expect(response.body.type, response.text).toBe(refusalType(route, caller, expected));
        }
        if (response.status >= 400)
          expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.status).toBeLessThan(500);
        // Whatever a signed-in route answers, success or problem, no cache may keep it.
        if (
          route.access.kind !== 'public' ||
          PRIVATE_PUBLIC.includes(route.id as RouteId) ||
          response.status >= 400
        )
          expect(response.headers.get('cache-control')).toBe('no-store');
        else expect(response.headers.get('cache-control')).toBeNull();
        // Staff routes serve every account by design; everyone else sees only their own.
        const mayReadAnyAccount = caller === 'staff' && route.access.kind === 'staff';
        for (const secret of secretsOf(other)) {
          if (caller !== 'otherPrimary' && !mayReadAnyAccount)
            expect(response.text).not.toContain(secret);
        }
        if (caller === 'otherPrimary' || caller === 'anonymous' || caller === 'disabledStaff') {
          for (const secret of secretsOf(home)) expect(response.text).not.toContain(secret);
        }
      });
    }
  }
});
