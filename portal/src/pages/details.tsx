import { call, type Schemas } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import { ContactEditor } from '../ui/contact-editor.tsx';
import type { ContactValues } from '../ui/contact-form.tsx';
import { useAccount, usePortal } from '../ui/context.ts';

const etagOf = (response: Response) => response.headers.get('etag') ?? undefined;

/** The fields My Details takes (PATCH /accounts/{a}): the primary contact, email included. */
const DETAILS_FIELDS: (keyof ContactValues)[] = [
  'firstName',
  'lastName',
  'companyName',
  'email',
  'phone',
  'address',
  'language',
  'emailPreferences',
];
/** Everyone's own contact (PATCH .../my-contact): its login email changes elsewhere. */
const OWN_FIELDS: (keyof ContactValues)[] = [
  'firstName',
  'lastName',
  'companyName',
  'phone',
  'address',
  'language',
  'emailPreferences',
];

/** My Details: the account's primary contact, changed by the primary with If-Match. */
export const MyDetails = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { membership } = useAccount();
  const accountId = membership.accountId;
  const path = { accountId };
  const fromAccount = ({ data, response }: { data: Schemas['Account']; response: Response }) => ({
    contact: data.primaryContact,
    etag: etagOf(response),
  });
  return (
    <ContactEditor
      key={accountId}
      title={t('nav.details')}
      accountId={accountId}
      fields={DETAILS_FIELDS}
      load={async () =>
        fromAccount(
          await call('client', () => api.GET('/accounts/{accountId}', { params: { path } }))
        )
      }
      save={async (body, etag) =>
        fromAccount(
          await call('client', () =>
            api.PATCH('/accounts/{accountId}', {
              params: { path, header: etag ? { 'if-match': etag } : {} },
              body,
            })
          )
        )
      }
    />
  );
};

/** The login's own contact, open to every active login whatever its areas. */
export const MyContact = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { membership } = useAccount();
  const accountId = membership.accountId;
  const path = { accountId };
  const toLoaded = ({ data, response }: { data: Schemas['Contact']; response: Response }) => ({
    contact: data,
    etag: etagOf(response),
  });
  return (
    <ContactEditor
      key={accountId}
      title={t('nav.myContact')}
      accountId={accountId}
      fields={OWN_FIELDS}
      load={async () =>
        toLoaded(
          await call('client', () =>
            api.GET('/accounts/{accountId}/my-contact', { params: { path } })
          )
        )
      }
      save={async (body, etag) =>
        toLoaded(
          await call('client', () =>
            api.PATCH('/accounts/{accountId}/my-contact', {
              params: { path, header: etag ? { 'if-match': etag } : {} },
              body,
            })
          )
        )
      }
    />
  );
};
