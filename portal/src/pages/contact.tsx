import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { call, type Schemas } from '../api/client.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.ts';
import { ContactEditor } from '../ui/contact-editor.tsx';
import { useAccount, usePortal } from '../ui/context.ts';
import { CheckField, FormStatus, TextField, useForm } from '../ui/form.tsx';
import { CONTACT_FIELDS } from './contacts.tsx';

type Contact = Schemas['Contact'];
type Area = NonNullable<Schemas['SubAccountPut']['permissions']>[number];
const AREAS: Area[] = [
  'profile',
  'contacts',
  'services',
  'services:manage',
  'domains',
  'domains:manage',
  'invoices',
  'usage',
  'tickets',
  'emails',
];

const etagOf = (response: Response) => response.headers.get('etag') ?? undefined;

export const ContactPage = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { params } = useRoute();
  const { membership } = useAccount();
  const path = { accountId: membership.accountId, contactId: params.contactId ?? '' };
  const toLoaded = ({ data, response }: { data: Contact; response: Response }) => ({
    contact: data,
    etag: etagOf(response),
  });
  return (
    <ContactEditor
      key={path.contactId}
      title={t('nav.contacts')}
      accountId={path.accountId}
      fields={CONTACT_FIELDS.filter((f) => f !== 'kind')}
      load={async () =>
        toLoaded(
          await call('client', () =>
            api.GET('/accounts/{accountId}/contacts/{contactId}', { params: { path } })
          )
        )
      }
      save={async (body, etag) =>
        toLoaded(
          await call('client', () =>
            api.PATCH('/accounts/{accountId}/contacts/{contactId}', {
              params: { path, header: etag ? { 'if-match': etag } : {} },
              body,
            })
          )
        )
      }
    >
      {(contact, reload) =>
        contact.isPrimary ? null : <SubAccountBox contact={contact} path={path} reload={reload} />
      }
    </ContactEditor>
  );
};

interface BoxProps {
  contact: Contact;
  path: { accountId: string; contactId: string };
  reload: () => Promise<void>;
}

/**
 * The "Activate Sub-Account" box, or the login's status with suspend, resume
 * and remove; an invitation not yet accepted can only be withdrawn.
 */
const SubAccountBox = ({ contact, path, reload }: BoxProps) => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { route } = useLocation();
  const sub = contact.subAccount;
  const form = useForm({
    areas: Object.fromEntries(AREAS.map((a) => [a, sub?.permissions.includes(a) ?? false])),
    same: false,
    invite: false,
    password: '',
  });
  const [actionError, setActionError] = useState<unknown>();
  const activate = form.submit(async (v) => {
    const permissions = AREAS.filter((a) => (v.areas as Record<string, boolean>)[a]);
    const grant = v.same ? { preset: 'full' as const } : { permissions };
    const secret = sub ? {} : v.invite ? { invite: true as const } : { password: v.password };
    await call('client', () =>
      api.PUT('/accounts/{accountId}/contacts/{contactId}/sub-account', {
        params: { path },
        body: { ...grant, ...secret },
      })
    );
    await reload();
  });
  const generate = async () => {
    const { data } = await call('client', () => api.GET('/password-suggestion'));
    form.set('password', data.password);
  };
  const act =
    (action: () => Promise<unknown>, after = reload) =>
    async () => {
      setActionError(undefined);
      try {
        await action();
        await after();
      } catch (e) {
        setActionError(e);
      }
    };
  const setStatus = (status: 'active' | 'suspended') =>
    act(() =>
      call('client', () =>
        api.PATCH('/accounts/{accountId}/contacts/{contactId}/sub-account', {
          params: { path },
          body: { status },
        })
      )
    );
  return (
    <section aria-labelledby="sub-title" class="box">
      <h2 id="sub-title">{t('sub.title')}</h2>
      {sub ? (
        <p data-testid="sub-status">
          {t(`sub.status.${sub.status}`)}:{' '}
          {sub.permissions.map((a) => t(`area.${a}` as MessageKey)).join(', ')}
        </p>
      ) : null}
      <form onSubmit={activate}>
        <fieldset>
          <legend>{t('home.areas')}</legend>
          <CheckField form={form} name="same" label={t('sub.same')} />
          {AREAS.map((a) => (
            <CheckField
              key={a}
              form={form}
              name={`areas.${a}`}
              label={t(`area.${a}` as MessageKey)}
            />
          ))}
        </fieldset>
        {sub ? null : (
          <>
            <CheckField form={form} name="invite" label={t('sub.invite')} />
            {form.values.invite ? null : (
              <>
                <TextField form={form} name="password" label={t('sub.password')} />
                <button type="button" onClick={() => void generate()}>
                  {t('sub.generate')}
                </button>
              </>
            )}
          </>
        )}
        <FormStatus form={form} />
        <button type="submit" disabled={form.busy}>
          {sub ? t('form.save') : t('sub.activate')}
        </button>
      </form>
      {sub ? (
        <p class="actions">
          {sub.status === 'suspended' ? (
            <button type="button" onClick={setStatus('active')}>
              {t('sub.resume')}
            </button>
          ) : sub.status === 'active' ? (
            <button type="button" onClick={setStatus('suspended')}>
              {t('sub.suspend')}
            </button>
          ) : null}
          <button
            type="button"
            onClick={act(() =>
              call('client', () =>
                api.DELETE('/accounts/{accountId}/contacts/{contactId}/sub-account', {
                  params: { path },
                })
              )
            )}
          >
            {sub.status === 'invited' ? t('sub.withdraw') : t('sub.remove')}
          </button>
        </p>
      ) : null}
      <p>
        <button
          type="button"
          class="danger"
          onClick={act(
            () =>
              call('client', () =>
                api.DELETE('/accounts/{accountId}/contacts/{contactId}', {
                  params: { path, header: { 'if-match': `"${contact.version}"` } },
                })
              ),
            async () => route(`/a/${path.accountId}/contacts`)
          )}
        >
          {t('contacts.remove')}
        </button>
      </p>
      {actionError ? <ActionFailure error={actionError} /> : null}
    </section>
  );
};

const ActionFailure = ({ error }: { error: unknown }) => {
  const { failure } = useI18n();
  return (
    <p role="alert" class="error">
      {failure(error)}
    </p>
  );
};
