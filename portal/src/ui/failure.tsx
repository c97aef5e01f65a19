import { ApiProblem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import { NoPermission } from './no-permission.tsx';

/** A failed load: the no-permission page for a 403, else the failure in the portal's words. */
export const Failure = ({ error, accountId }: { error: unknown; accountId?: string }) => {
  const { t, failure } = useI18n();
  if (error instanceof ApiProblem && error.problem.status === 403 && accountId) {
    return <NoPermission problem={error.problem} accountId={accountId} />;
  }
  return (
    <div role="alert" class="error" data-problem={error instanceof ApiProblem ? error.code : ''}>
      <strong>{t('problem.title')}</strong> {failure(error)}
    </div>
  );
};
