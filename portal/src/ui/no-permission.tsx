import type { Problem } from '../api/client.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.ts';
import { areaPath } from './nav.tsx';

/**
 * The page a 403 shows instead of a dead end: the area tried, the areas this
 * login may open (as links) and whom to ask, all from the problem's members.
 */
export const NoPermission = ({ problem, accountId }: { problem: Problem; accountId: string }) => {
  const { t, problem: explain } = useI18n();
  const area = problem.area ? t(`area.${problem.area}` as MessageKey) : '';
  const allowed = [...new Set((problem.allowedAreas ?? []).filter((a) => areaPath(a)))];
  return (
    <section aria-labelledby="denied-title" class="notice" data-testid="no-permission">
      <h1 id="denied-title">{area ? t('denied.title', { area }) : explain(problem)}</h1>
      <p>{explain(problem)}</p>
      {allowed.length ? (
        <>
          <p>{t('denied.allowed')}</p>
          <ul>
            {allowed.map((a) => (
              <li key={a}>
                <a href={`/a/${accountId}${areaPath(a)}`}>{t(`area.${a}` as MessageKey)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('denied.none')}</p>
      )}
      {problem.grantedBy ? <p>{t('denied.ask', { name: problem.grantedBy.name })}</p> : null}
    </section>
  );
};
