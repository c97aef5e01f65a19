import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { CognitoError, type SignInStep, type TotpSecret } from '../auth/cognito.ts';
import { type Pool, poolClient, saveTokens } from '../auth/session.ts';
import { groupedSecret, otpauthLink } from '../auth/totp.ts';
import { useI18n } from '../i18n/i18n.ts';
import { FormStatus, TextField, useForm } from '../ui/form.tsx';
import { LanguagePicker } from '../ui/nav.tsx';

/**
 * An unknown address and a wrong password read the same (the emulator tells
 * them apart; AWS with PreventUserExistenceErrors does not).
 */
const oneAnswer = (error: unknown): never => {
  const code = error instanceof CognitoError ? error.code : '';
  if (['UserNotFoundException', 'InvalidPasswordException'].includes(code)) {
    throw new CognitoError('NotAuthorizedException');
  }
  throw error;
};

/**
 * MFA_SETUP: the new secret as a link an authenticator app opens and as text
 * to type, then the app's first code.
 */
const TotpSetup = ({ secret, account }: { secret: TotpSecret; account: string }) => {
  const { t } = useI18n();
  return (
    <section aria-labelledby="totp-setup-title">
      <h2 id="totp-setup-title">{t('auth.totpSetupTitle')}</h2>
      <p>{t('auth.totpSetupIntro')}</p>
      <p>
        <a href={otpauthLink(secret.secretCode, account)}>{t('auth.totpSetupLink')}</a>
      </p>
      <dl>
        <dt>{t('auth.totpSetupSecret')}</dt>
        <dd>
          <code class="secret" data-testid="totp-secret">
            {groupedSecret(secret.secretCode)}
          </code>
        </dd>
      </dl>
    </section>
  );
};

/**
 * Password sign-in against a pool, then whatever challenge Cognito answers:
 * a new password at the first sign-in, the TOTP code (staff pool), or, for a
 * staff login without an authenticator yet, its enrolment (MFA_SETUP).
 */
export const SignIn = ({ pool, next }: { pool: Pool; next: string }) => {
  const { t } = useI18n();
  const { route } = useLocation();
  const [challenge, setChallenge] = useState<SignInStep>();
  const [secret, setSecret] = useState<TotpSecret>();
  const form = useForm({ email: '', password: '', newPassword: '', code: '' });
  const cognito = poolClient(pool);
  const advance = async (answer: SignInStep) => {
    if (answer.kind === 'signed-in') {
      saveTokens(pool, answer.tokens);
      route(next);
      return;
    }
    setChallenge(answer);
    if (answer.kind === 'totp-setup') setSecret(await cognito.setUpTotp(answer.session));
  };
  const submit = form.submit(async (v) => {
    if (!challenge) await advance(await cognito.signIn(v.email, v.password).catch(oneAnswer));
    else if (challenge.kind === 'new-password')
      await advance(
        await cognito.answerNewPassword(challenge.username, challenge.session, v.newPassword)
      );
    else if (challenge.kind === 'totp')
      await advance(await cognito.answerTotp(challenge.username, challenge.session, v.code));
    else if (challenge.kind === 'totp-setup') {
      // No secret yet: AssociateSoftwareToken failed, so this submit asks again.
      if (!secret) setSecret(await cognito.setUpTotp(challenge.session));
      // A wrong code throws before anything changes: the step, its secret and session stay.
      else
        await advance(
          await cognito.confirmTotp(challenge.username, secret.session, v.code.replace(/\s/g, ''))
        );
    }
  });
  return (
    <main id="main" class="narrow">
      <LanguagePicker />
      <h1>{pool === 'staff' ? t('staff.signIn') : t('auth.signIn')}</h1>
      <form onSubmit={submit}>
        {!challenge ? (
          <>
            <TextField
              form={form}
              name="email"
              label={t('auth.email')}
              type="email"
              autoComplete="username"
            />
            <TextField
              form={form}
              name="password"
              label={t('auth.password')}
              type="password"
              autoComplete="current-password"
            />
          </>
        ) : challenge.kind === 'new-password' ? (
          <>
            <p>{t('auth.newPasswordNeeded')}</p>
            <TextField
              form={form}
              name="newPassword"
              label={t('auth.newPassword')}
              type="password"
              autoComplete="new-password"
            />
          </>
        ) : (
          <>
            {challenge.kind === 'totp-setup' && secret ? (
              <TotpSetup secret={secret} account={form.values.email} />
            ) : null}
            <TextField
              form={form}
              name="code"
              label={t('auth.totp')}
              autoComplete="one-time-code"
            />
          </>
        )}
        <FormStatus form={form} />
        <button type="submit" disabled={form.busy}>
          {t('auth.signIn')}
        </button>
      </form>
      {pool === 'client' ? (
        <ul class="links">
          <li>
            <a href="/forgot">{t('auth.forgot')}</a>
          </li>
          <li>
            <a href="/request-account">{t('auth.requestAccount')}</a>
          </li>
          <li>
            <a href="/staff">{t('auth.staff')}</a>
          </li>
        </ul>
      ) : null}
    </main>
  );
};

/**
 * ForgotPassword, then the code and a new password; the same words whether
 * or not the address exists.
 */
export const ForgotPassword = () => {
  const { t } = useI18n();
  const [step, setStep] = useState<'address' | 'code' | 'reset'>('address');
  const form = useForm({ email: '', code: '', password: '' });
  const cognito = poolClient('client');
  const submit = form.submit(async (v) => {
    if (step === 'address') {
      await cognito.forgotPassword(v.email).catch(() => undefined);
      setStep('code');
    } else {
      await cognito.confirmForgotPassword(v.email, v.code, v.password);
      setStep('reset');
    }
  });
  return (
    <main id="main" class="narrow">
      <LanguagePicker />
      <h1>{t('auth.forgot')}</h1>
      <form onSubmit={submit}>
        <TextField
          form={form}
          name="email"
          label={t('auth.email')}
          type="email"
          autoComplete="username"
        />
        {step === 'code' ? (
          <>
            <p role="status">{t('auth.codeSent')}</p>
            <TextField
              form={form}
              name="code"
              label={t('auth.code')}
              autoComplete="one-time-code"
            />
            <TextField
              form={form}
              name="password"
              label={t('auth.newPassword')}
              type="password"
              autoComplete="new-password"
            />
          </>
        ) : null}
        {step === 'reset' ? (
          <p role="status">{t('auth.passwordReset')}</p>
        ) : (
          <>
            {form.failure ? <FormStatus form={form} /> : null}
            <button type="submit" disabled={form.busy}>
              {step === 'address' ? t('auth.sendCode') : t('auth.setPassword')}
            </button>
          </>
        )}
      </form>
      <a href="/sign-in">{t('auth.backToSignIn')}</a>
    </main>
  );
};
