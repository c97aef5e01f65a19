import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { call, type Schemas } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useAccount, usePortal } from '../ui/context.ts';
import { Failure } from '../ui/failure.tsx';
import { PagedTable } from '../ui/table.tsx';
import { useLoad } from '../ui/use-load.ts';

type Service = Schemas['Service'];
export type Kind = 'services' | 'domains';

const SupportCell = ({ service }: { service: Service }) => {
  const { t } = useI18n();
  if (service.support === 'deactivated')
    return <span class="muted">{t('services.deactivated')}</span>;
  return (
    <>
      {service.supportContacts.map((c) => `${c.name} (${t(`scope.${c.supportScope}`)})`).join(', ')}
    </>
  );
};

/** Services or domains, each with its support contacts or "Deactivated". */
export const ServiceList = ({ kind }: { kind: Kind }) => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { membership } = useAccount();
  const accountId = membership.accountId;
  const title = t(kind === 'services' ? 'nav.services' : 'nav.domains');
  return (
    <section>
      <h1>{title}</h1>
      <PagedTable<Service>
        caption={title}
        accountId={accountId}
        deps={[accountId, kind]}
        load={(cursor) => {
          const params = { path: { accountId }, query: cursor ? { cursor } : {} };
          return kind === 'services'
            ? call('client', () => api.GET('/accounts/{accountId}/services', { params }))
            : call('client', () => api.GET('/accounts/{accountId}/domains', { params }));
        }}
        columns={[
          {
            label: t('col.service'),
            cell: (s) => <a href={`/a/${accountId}/${kind}/${s.id}`}>{s.label}</a>,
          },
          { label: t('col.status'), cell: (s) => s.status },
          { label: t('services.support'), cell: (s) => <SupportCell service={s} /> },
        ]}
      />
    </section>
  );
};

/** One service or domain: assign, change or reset its support contact. */
export const ServiceDetail = ({ kind }: { kind: Kind }) => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { params } = useRoute();
  const { membership } = useAccount();
  const accountId = membership.accountId;
  const id = params.serviceId ?? '';
  const service = useLoad<Service>(
    () =>
      kind === 'services'
        ? call('client', () =>
            api.GET('/accounts/{accountId}/services/{serviceId}', {
              params: { path: { accountId, serviceId: id } },
            })
          )
        : call('client', () =>
            api.GET('/accounts/{accountId}/domains/{domainId}', {
              params: { path: { accountId, domainId: id } },
            })
          ),
    [accountId, id, kind]
  );
  // The contacts a holder may pick from; a login without `contacts` still sees the service.
  const contacts = useLoad(
    () =>
      call('client', () =>
        api.GET('/accounts/{accountId}/contacts', {
          params: { path: { accountId }, query: { limit: 100 } },
        })
      ),
    [accountId]
  );
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>();
  if (service.error) return <Failure error={service.error} accountId={accountId} />;
  const s = service.data;
  if (!s) return <p>{t('app.loading')}</p>;
  const header = { 'if-match': service.etag ?? `"${s.version}"` };
  const assign = (contactId: string, header: { 'if-match': string }) =>
    kind === 'services'
      ? call('client', () =>
          api.PUT('/accounts/{accountId}/services/{serviceId}/support-contacts/{contactId}', {
            params: { path: { accountId, serviceId: id, contactId }, header },
          })
        )
      : call('client', () =>
          api.PUT('/accounts/{accountId}/domains/{domainId}/support-contacts/{contactId}', {
            params: { path: { accountId, domainId: id, contactId }, header },
          })
        );
  const reset = (contactId: string, header: { 'if-match': string }) =>
    kind === 'services'
      ? call('client', () =>
          api.DELETE('/accounts/{accountId}/services/{serviceId}/support-contacts/{contactId}', {
            params: { path: { accountId, serviceId: id, contactId }, header },
          })
        )
      : call('client', () =>
          api.DELETE('/accounts/{accountId}/domains/{domainId}/support-contacts/{contactId}', {
            params: { path: { accountId, domainId: id, contactId }, header },
          })
        );
  const run = (action: () => Promise<unknown>) => async () => {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
    await service.reload();
  };
  const candidates = (contacts.data?.items ?? []).filter((c) => c.supportScope !== 'none');
  return (
    <section>
      <h1>{s.label}</h1>
      <p>
        {s.type} · {s.status}
        {s.server ? ` · ${s.server}` : ''}
      </p>
      {kind === 'services' && s.type === 'voip' ? (
        <a href={`/a/${accountId}/services/${id}/calls`}>{t('services.calls')}</a>
      ) : null}
      {kind === 'services' && s.type === 'serverhousing' ? (
        <a href={`/a/${accountId}/services/${id}/traffic`}>{t('services.traffic')}</a>
      ) : null}
      <h2>{t('services.support')}</h2>
      {s.support === 'deactivated' ? (
        <p data-testid="support-state">{t('services.deactivated')}</p>
      ) : null}
      <ul data-testid="support-contacts">
        {s.supportContacts.map((c) => (
          <li key={c.id}>
            {c.name} ({t(`scope.${c.supportScope}`)}){' '}
            <button type="button" onClick={run(() => reset(c.id, header))}>
              {t('services.reset')} {c.name}
            </button>
          </li>
        ))}
      </ul>
      {candidates.length ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const previous = s.supportContacts.filter((c) => c.supportScope === 'isolated');
            // Changing is assigning the new contact, then resetting the isolated one it replaces.
            void run(async () => {
              const { response } = await assign(choice, header);
              let etag = response.headers.get('etag') ?? '';
              for (const old of previous.filter((o) => o.id !== choice)) {
                etag =
                  (await reset(old.id, { 'if-match': etag })).response.headers.get('etag') ?? etag;
              }
            })();
          }}
        >
          <label for="support-choice">
            {s.supportContacts.length ? t('services.change') : t('services.assign')}
          </label>
          <select
            id="support-choice"
            value={choice}
            onChange={(e) => setChoice((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">—</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.firstName} {c.lastName} ({t(`scope.${c.supportScope}`)})
              </option>
            ))}
          </select>
          <button type="submit" disabled={!choice}>
            {s.supportContacts.length ? t('services.change') : t('services.assign')}
          </button>
        </form>
      ) : null}
      {error ? <Failure error={error} accountId={accountId} /> : null}
    </section>
  );
};
