import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import {
  ContactFields,
  type ContactValues,
  emptyContact,
  newContactBody,
} from '../ui/contact-form.tsx';
import { useAccount, usePortal } from '../ui/context.ts';
import { FormStatus, useForm } from '../ui/form.tsx';
import { PagedTable } from '../ui/table.tsx';

export const CONTACT_FIELDS: (keyof ContactValues)[] = [
  'kind',
  'firstName',
  'lastName',
  'companyName',
  'taxId',
  'email',
  'phone',
  'address',
  'language',
  'emailPreferences',
  'supportScope',
];

export const Contacts = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { membership } = useAccount();
  const accountId = membership.accountId;
  return (
    <section>
      <h1>{t('nav.contacts')}</h1>
      <p>
        <a href={`/a/${accountId}/contacts/new`}>{t('contacts.add')}</a>
      </p>
      <PagedTable
        caption={t('nav.contacts')}
        accountId={accountId}
        deps={[accountId]}
        load={(cursor) =>
          call('client', () =>
            api.GET('/accounts/{accountId}/contacts', {
              params: { path: { accountId }, query: cursor ? { cursor } : {} },
            })
          )
        }
        columns={[
          {
            label: t('col.name'),
            cell: (c) => (
              <a href={`/a/${accountId}/contacts/${c.id}`}>
                {c.firstName} {c.lastName}
                {c.companyName ? ` (${c.companyName})` : ''}
              </a>
            ),
          },
          { label: t('col.email'), cell: (c) => c.email },
          {
            label: t('contacts.login'),
            cell: (c) =>
              c.isPrimary
                ? t('contacts.primary')
                : c.subAccount
                  ? t(`sub.status.${c.subAccount.status}`)
                  : t('sub.none'),
          },
          { label: t('form.supportScope'), cell: (c) => t(`scope.${c.supportScope}`) },
        ]}
      />
    </section>
  );
};

/** Add New Contact; the Idempotency-Key is made when the form opens, so a resend adds one. */
export const NewContact = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { route } = useLocation();
  const { membership } = useAccount();
  const accountId = membership.accountId;
  const [key] = useState(() => crypto.randomUUID());
  const form = useForm<ContactValues>(emptyContact());
  const submit = form.submit(async (values) => {
    const { data } = await call('client', () =>
      api.POST('/accounts/{accountId}/contacts', {
        params: { path: { accountId }, header: { 'idempotency-key': key } },
        body: newContactBody(values, CONTACT_FIELDS) as never,
      })
    );
    route(`/a/${accountId}/contacts/${data.id}`);
  });
  return (
    <section>
      <h1>{t('contacts.add')}</h1>
      <form onSubmit={submit}>
        <ContactFields form={form} fields={CONTACT_FIELDS} />
        <FormStatus form={form} />
        <button type="submit" disabled={form.busy}>
          {t('form.save')}
        </button>
      </form>
    </section>
  );
};
