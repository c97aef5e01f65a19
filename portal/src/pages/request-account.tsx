import { call } from '../api/client.ts';
import { accessToken, poolClient } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.ts';
import { usePortal } from '../ui/context.ts';
import { FormStatus, TextField, useForm } from '../ui/form.tsx';
import { LanguagePicker } from '../ui/nav.tsx';

/** POST /account-requests: the answer is the same whatever matched, so the page says so. */
export const RequestAccount = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const form = useForm({ contractNumber: '', email: '' });
  const submit = form.submit(async (body) => {
    await call('client', () => api.POST('/account-requests', { body }));
  });
  return (
    <main id="main" class="narrow">
      <LanguagePicker />
      <h1>{t('auth.requestAccount')}</h1>
      {form.done ? (
        <p role="status">{t('auth.requestSent')}</p>
      ) : (
        <form onSubmit={submit}>
          <TextField form={form} name="contractNumber" label={t('auth.contractNumber')} />
          <TextField form={form} name="email" label={t('auth.email')} type="email" />
          <FormStatus form={form} />
          <button type="submit" disabled={form.busy}>
            {t('auth.requestAccount')}
          </button>
        </form>
      )}
      <a href="/sign-in">{t('auth.backToSignIn')}</a>
    </main>
  );
};

/** ChangePassword with the session's access token. */
export const ChangePassword = () => {
  const { t } = useI18n();
  const form = useForm({ previous: '', proposed: '' });
  const submit = form.submit(async (v) => {
    const token = await accessToken('client');
    await poolClient('client').changePassword(token ?? '', v.previous, v.proposed);
  });
  return (
    <section>
      <h1>{t('nav.password')}</h1>
      <form onSubmit={submit}>
        <TextField
          form={form}
          name="previous"
          label={t('auth.currentPassword')}
          type="password"
          autoComplete="current-password"
        />
        <TextField
          form={form}
          name="proposed"
          label={t('auth.newPassword')}
          type="password"
          autoComplete="new-password"
        />
        {form.done ? <p role="status">{t('auth.passwordChanged')}</p> : <FormStatus form={form} />}
        <button type="submit" disabled={form.busy}>
          {t('form.save')}
        </button>
      </form>
    </section>
  );
};
