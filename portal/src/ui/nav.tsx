import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import type { MessageKey } from '../i18n/en.ts';
import { LANGUAGES, type Language, setLanguage, useI18n } from '../i18n/i18n.ts';
import { useAccount } from './context.ts';

/** Where each permission area opens; the manage areas act inside their read pages. */
const AREA_PATHS: Record<string, { path: string; label: MessageKey }> = {
  profile: { path: '/details', label: 'nav.details' },
  contacts: { path: '/contacts', label: 'nav.contacts' },
  services: { path: '/services', label: 'nav.services' },
  domains: { path: '/domains', label: 'nav.domains' },
  tickets: { path: '/tickets', label: 'nav.tickets' },
  invoices: { path: '/invoices', label: 'nav.invoices' },
  usage: { path: '/services', label: 'nav.services' },
  emails: { path: '/emails', label: 'nav.emails' },
};

export const areaPath = (area: string): string | undefined => AREA_PATHS[area]?.path;

export const LanguagePicker = () => {
  const { t, language } = useI18n();
  return (
    <label class="language">
      {t('app.language')}{' '}
      <select
        value={language}
        onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l === 'en' ? 'English' : 'Español'}
          </option>
        ))}
      </select>
    </label>
  );
};

/** Header (whose account, the switcher, language, sign-out), menu and the page. */
export const AccountLayout = ({
  children,
  onSignOut,
}: {
  children: ComponentChildren;
  onSignOut: () => void;
}) => {
  const { t } = useI18n();
  const { me, membership } = useAccount();
  const { route } = useLocation();
  const base = `/a/${membership.accountId}`;
  const seen = new Set<string>();
  const items = [{ path: '', label: 'nav.home' as MessageKey }];
  for (const area of membership.permissions) {
    const entry = AREA_PATHS[area];
    if (entry && !seen.has(entry.path)) {
      seen.add(entry.path);
      items.push(entry);
    }
  }
  items.push({ path: '/my-contact', label: 'nav.myContact' });
  if (membership.role === 'primary') items.push({ path: '/audit', label: 'nav.audit' });
  items.push({ path: '/password', label: 'nav.password' });
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top">
        <p data-testid="whose-account">
          {t('home.signedInFor', { name: me.name, account: membership.accountName })} (
          {t(`home.role.${membership.role}`)})
        </p>
        {me.accounts.length > 1 ? (
          <label>
            {t('home.switch')}{' '}
            <select
              data-testid="account-switcher"
              value={membership.accountId}
              onChange={(e) => route(`/a/${(e.currentTarget as HTMLSelectElement).value}`)}
            >
              {me.accounts.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  {a.accountName}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <LanguagePicker />
        <button type="button" onClick={onSignOut}>
          {t('nav.signOut')}
        </button>
      </header>
      <nav aria-label={t('nav.main')}>
        <ul>
          {items.map((item) => (
            <li key={item.path}>
              <a href={`${base}${item.path}`}>{t(item.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">{children}</main>
    </>
  );
};
