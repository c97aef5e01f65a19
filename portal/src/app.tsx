import type { ComponentType } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation, useRoute } from 'preact-iso';
import { call } from './api/client.ts';
import { readTokens, signOut, subscribeSessions } from './auth/session.ts';
import { useI18n } from './i18n/i18n.ts';
import { ContactPage } from './pages/contact.tsx';
import { Contacts, NewContact } from './pages/contacts.tsx';
import { MyContact, MyDetails } from './pages/details.tsx';
import { Home, Invitations } from './pages/home.tsx';
import { Audit, Calls, EmailLog, Invoices, Traffic } from './pages/records.tsx';
import { ChangePassword, RequestAccount } from './pages/request-account.tsx';
import { ServiceDetail, ServiceList } from './pages/services.tsx';
import { ForgotPassword, SignIn } from './pages/sign-in.tsx';
import { TicketPage, Tickets } from './pages/tickets.tsx';
import {
  NoticeProgress,
  Notices,
  RequesterCheck,
  StaffQueue,
  StaffTicket,
} from './staff/staff.tsx';
import { AccountContext, type Me, usePortal } from './ui/context.ts';
import { Failure } from './ui/failure.tsx';
import { AccountLayout, LanguagePicker } from './ui/nav.tsx';

/** Re-renders when a session starts or ends (sign-in, sign-out, a 401 after refresh). */
const useSessions = () => {
  const [, setTick] = useState(0);
  useEffect(() => subscribeSessions(() => setTick((n) => n + 1)), []);
  return { client: readTokens('client'), staff: readTokens('staff') };
};

const Redirect = ({ to }: { to: string }) => {
  const { route } = useLocation();
  useEffect(() => route(to, true), [to, route]);
  return null;
};

/** GET /me once per session, shared by every account page. */
let meCache: Me | undefined;

const useMe = (signedIn: boolean) => {
  const { api } = usePortal();
  const [state, setState] = useState<{ me?: Me; error?: unknown }>({ me: meCache });
  const reload = useCallback(async () => {
    try {
      meCache = (await call('client', () => api.GET('/me'))).data;
      setState({ me: meCache });
    } catch (error) {
      setState({ error });
    }
  }, [api]);
  useEffect(() => {
    if (!signedIn) meCache = undefined;
    else if (!meCache) void reload();
  }, [signedIn, reload]);
  return { ...state, reload };
};

const accountPage = (Page: ComponentType) => () => {
  const { t } = useI18n();
  const { params, path } = useRoute();
  const sessions = useSessions();
  const { me, error, reload } = useMe(Boolean(sessions.client));
  if (!sessions.client) return <Redirect to={`/sign-in?next=${encodeURIComponent(path)}`} />;
  if (error) return <Failure error={error} />;
  if (!me) return <p>{t('app.loading')}</p>;
  const membership = me.accounts.find((a) => a.accountId === params.accountId);
  if (!membership) return <Redirect to="/" />;
  return (
    <AccountContext.Provider value={{ me, membership, reloadMe: reload }}>
      <AccountLayout onSignOut={() => void signOut('client')}>
        <Page key={membership.accountId} />
      </AccountLayout>
    </AccountContext.Provider>
  );
};

/** `/`: the first account of the login, or the sign-in page. */
const Landing = () => {
  const { t } = useI18n();
  const sessions = useSessions();
  const { me, error, reload } = useMe(Boolean(sessions.client));
  if (!sessions.client) return <Redirect to="/sign-in" />;
  if (error) return <Failure error={error} />;
  if (!me) return <p>{t('app.loading')}</p>;
  const first = me.accounts[0];
  if (first) return <Redirect to={`/a/${first.accountId}`} />;
  return (
    <main id="main">
      <h1>{t('home.welcome', { name: me.name })}</h1>
      <p>{t('home.noAccounts')}</p>
      <Invitations me={me} reloadMe={reload} />
    </main>
  );
};

const SignInPage = () => {
  const { query } = useRoute();
  const next = query.next?.startsWith('/') && !query.next.startsWith('//') ? query.next : '/';
  return <SignIn pool="client" next={next} />;
};

const staffPage = (Page: ComponentType) => () => {
  const { t } = useI18n();
  const { path } = useRoute();
  const sessions = useSessions();
  if (!sessions.staff) return <SignIn pool="staff" next={path} />;
  return (
    <>
      <header class="top">
        <p>{t('auth.staff')}</p>
        <LanguagePicker />
        <button type="button" onClick={() => void signOut('staff')}>
          {t('nav.signOut')}
        </button>
      </header>
      <nav aria-label={t('nav.main')}>
        <ul>
          <li>
            <a href="/staff">{t('staff.queue')}</a>
          </li>
          <li>
            <a href="/staff/requesters">{t('staff.requester')}</a>
          </li>
          <li>
            <a href="/staff/notices">{t('staff.notices')}</a>
          </li>
        </ul>
      </nav>
      <main id="main">
        <Page />
      </main>
    </>
  );
};

const ACCOUNT_ROUTES: [string, ComponentType][] = [
  ['', Home],
  ['/details', MyDetails],
  ['/my-contact', MyContact],
  ['/password', ChangePassword],
  ['/contacts', Contacts],
  ['/contacts/new', NewContact],
  ['/contacts/:contactId', ContactPage],
  ['/services', () => <ServiceList kind="services" />],
  ['/services/:serviceId', () => <ServiceDetail kind="services" />],
  ['/services/:serviceId/calls', Calls],
  ['/services/:serviceId/traffic', Traffic],
  ['/domains', () => <ServiceList kind="domains" />],
  ['/domains/:serviceId', () => <ServiceDetail kind="domains" />],
  ['/tickets', Tickets],
  ['/tickets/:ticketId', TicketPage],
  ['/invoices', Invoices],
  ['/emails', EmailLog],
  ['/audit', Audit],
];

const STAFF_ROUTES: [string, ComponentType][] = [
  ['', StaffQueue],
  ['/tickets/:ticketId', StaffTicket],
  ['/requesters', RequesterCheck],
  ['/notices', Notices],
  ['/notices/:noticeId', NoticeProgress],
];

const accountRoutes = ACCOUNT_ROUTES.map(([path, page]) => ({
  path: `/a/:accountId${path}`,
  component: accountPage(page),
}));
const staffRoutes = STAFF_ROUTES.map(([path, page]) => ({
  path: `/staff${path}`,
  component: staffPage(page),
}));

export const App = () => (
  <LocationProvider>
    <Router>
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/forgot" component={ForgotPassword} />
      <Route path="/request-account" component={RequestAccount} />
      {[...accountRoutes, ...staffRoutes].map((r) => (
        <Route key={r.path} path={r.path} component={r.component} />
      ))}
      <Route default component={Landing} />
    </Router>
  </LocationProvider>
);
