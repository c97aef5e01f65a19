import { useState } from 'preact/hooks';
import { call } from '../api/client.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.ts';
import { type Me, useAccount, usePortal } from '../ui/context.ts';
import { Failure } from '../ui/failure.tsx';
import { areaPath } from '../ui/nav.tsx';

/** Whose account it is, the login's own name, its areas and its pending invitations. */
export const Home = () => {
  const { t } = useI18n();
  const { me, membership, reloadMe } = useAccount();
  return (
    <section data-testid="dashboard">
      <h1>{t('home.welcome', { name: me.name })}</h1>
      <p>{t('home.signedInFor', { name: me.name, account: membership.accountName })}</p>
      {membership.status === 'suspended' ? (
        <p role="alert">{t('home.suspended')}</p>
      ) : (
        <>
          <h2>{t('home.areas')}</h2>
          <ul data-testid="areas">
            {membership.permissions.map((area) => (
              <li key={area}>
                {areaPath(area) ? (
                  <a href={`/a/${membership.accountId}${areaPath(area)}`}>
                    {t(`area.${area}` as MessageKey)}
                  </a>
                ) : (
                  t(`area.${area}` as MessageKey)
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <Invitations me={me} reloadMe={reloadMe} />
    </section>
  );
};

/**
 * Pending invitations with Accept and Decline: on the dashboard, and on the
 * landing page of a login that belongs to no account yet (a new sub-account).
 */
export const Invitations = ({ me, reloadMe }: { me: Me; reloadMe: () => Promise<void> }) => {
  const { t } = useI18n();
  const { api } = usePortal();
  const [error, setError] = useState<unknown>();
  const answer = (accountId: string, accept: boolean) => async () => {
    try {
      const path = { accountId };
      await call('client', () =>
        accept
          ? api.POST('/me/invitations/{accountId}', { params: { path } })
          : api.DELETE('/me/invitations/{accountId}', { params: { path } })
      );
      await reloadMe();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {me.invitations.length ? (
        <>
          <h2>{t('home.invitations')}</h2>
          <ul>
            {me.invitations.map((i) => (
              <li key={i.accountId}>
                {i.accountName}{' '}
                <button type="button" onClick={answer(i.accountId, true)}>
                  {t('home.accept')}
                </button>{' '}
                <button type="button" onClick={answer(i.accountId, false)}>
                  {t('home.decline')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? <Failure error={error} /> : null}
    </>
  );
};
