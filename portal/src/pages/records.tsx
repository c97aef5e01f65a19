/** The read-only lists: invoices, VoIP calls, traffic per IP, the email log and the audit trail. */

import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useAccount, usePortal } from '../ui/context.ts';
import { Failure } from '../ui/failure.tsx';
import { PagedTable } from '../ui/table.tsx';
import { useLoad } from '../ui/use-load.ts';

const page = (cursor?: string) => (cursor ? { cursor } : {});

const useIds = () => {
  const { membership } = useAccount();
  const { params } = useRoute();
  return { accountId: membership.accountId, serviceId: params.serviceId ?? '' };
};

/** Opens a five-minute PDF link, fetched only when asked for. */
const PdfLink = ({ number }: { number: string }) => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { accountId } = useIds();
  const [error, setError] = useState<unknown>();
  const open = async () => {
    try {
      const { data } = await call('client', () =>
        api.GET('/accounts/{accountId}/invoices/{invoiceNumber}/pdf', {
          params: { path: { accountId, invoiceNumber: number } },
        })
      );
      window.open(data.url, '_blank', 'noopener');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void open()}
        aria-label={`${t('invoices.pdf')} ${number}`}
      >
        {t('invoices.pdf')}
      </button>
      {error ? <Failure error={error} /> : null}
    </>
  );
};

export const Invoices = () => {
  const { t, language } = useI18n();
  const { api } = usePortal();
  const { accountId } = useIds();
  return (
    <section>
      <h1>{t('nav.invoices')}</h1>
      <PagedTable
        caption={t('nav.invoices')}
        accountId={accountId}
        deps={[accountId]}
        load={(cursor) =>
          call('client', () =>
            api.GET('/accounts/{accountId}/invoices', {
              params: { path: { accountId }, query: page(cursor) },
            })
          )
        }
        columns={[
          { label: t('col.number'), cell: (i) => i.number },
          { label: t('col.date'), cell: (i) => new Date(i.issuedAt).toLocaleDateString(language) },
          { label: t('col.total'), cell: (i) => `${i.total} ${i.currency}` },
          { label: t('col.status'), cell: (i) => i.status },
          {
            label: t('invoices.pdf'),
            cell: (i) => (i.hasPdf ? <PdfLink number={i.number} /> : '—'),
          },
        ]}
      />
    </section>
  );
};

export const Calls = () => {
  const { t, language } = useI18n();
  const { api } = usePortal();
  const path = useIds();
  return (
    <section>
      <h1>{t('services.calls')}</h1>
      <PagedTable
        caption={t('services.calls')}
        accountId={path.accountId}
        deps={[path.serviceId]}
        load={(cursor) =>
          call('client', () =>
            api.GET('/accounts/{accountId}/services/{serviceId}/calls', {
              params: { path, query: page(cursor) },
            })
          )
        }
        columns={[
          { label: t('col.date'), cell: (c) => new Date(c.startedAt).toLocaleString(language) },
          { label: t('col.direction'), cell: (c) => c.direction },
          { label: t('col.from'), cell: (c) => c.from },
          { label: t('col.to'), cell: (c) => c.to },
          { label: t('col.duration'), cell: (c) => c.durationSeconds },
        ]}
      />
    </section>
  );
};

const bytes = (n: number, language: string) =>
  new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  }).format(n / 1e6);

export const Traffic = () => {
  const { t, language } = useI18n();
  const { api } = usePortal();
  const path = useIds();
  const totals = useLoad(
    () =>
      call('client', () =>
        api.GET('/accounts/{accountId}/services/{serviceId}/traffic/totals', { params: { path } })
      ),
    [path.serviceId]
  );
  return (
    <section>
      <h1>{t('services.traffic')}</h1>
      <h2>{t('traffic.totals')}</h2>
      {totals.error ? <Failure error={totals.error} accountId={path.accountId} /> : null}
      <table data-testid="traffic-totals">
        <caption>{t('traffic.totals')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.month')}</th>
            <th scope="col">{t('col.ip')}</th>
            <th scope="col">{t('traffic.in')}</th>
            <th scope="col">{t('traffic.out')}</th>
          </tr>
        </thead>
        <tbody>
          {(totals.data?.months ?? []).flatMap((m) => [
            <tr key={m.month} class="total">
              <th scope="row">{m.month}</th>
              <td>—</td>
              <td>{bytes(m.inBytes, language)}</td>
              <td>{bytes(m.outBytes, language)}</td>
            </tr>,
            ...m.ips.map((ip) => (
              <tr key={`${m.month}-${ip.ip}`}>
                <td>{m.month}</td>
                <td>{ip.ip}</td>
                <td>{bytes(ip.inBytes, language)}</td>
                <td>{bytes(ip.outBytes, language)}</td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
      <PagedTable
        caption={t('services.traffic')}
        accountId={path.accountId}
        deps={[path.serviceId]}
        load={(cursor) =>
          call('client', () =>
            api.GET('/accounts/{accountId}/services/{serviceId}/traffic', {
              params: { path, query: page(cursor) },
            })
          )
        }
        columns={[
          { label: t('col.date'), cell: (s) => new Date(s.at).toLocaleString(language) },
          { label: t('col.ip'), cell: (s) => s.ip },
          { label: t('traffic.in'), cell: (s) => bytes(s.inBytes, language) },
          { label: t('traffic.out'), cell: (s) => bytes(s.outBytes, language) },
        ]}
      />
    </section>
  );
};

export const EmailLog = () => {
  const { t, language } = useI18n();
  const { api } = usePortal();
  const { accountId } = useIds();
  return (
    <section>
      <h1>{t('nav.emails')}</h1>
      <PagedTable
        caption={t('nav.emails')}
        accountId={accountId}
        deps={[accountId]}
        load={(cursor) =>
          call('client', () =>
            api.GET('/accounts/{accountId}/emails', {
              params: { path: { accountId }, query: page(cursor) },
            })
          )
        }
        columns={[
          { label: t('col.date'), cell: (e) => new Date(e.at).toLocaleString(language) },
          { label: t('col.to'), cell: (e) => e.to },
          { label: t('col.category'), cell: (e) => e.category },
          { label: t('col.subject'), cell: (e) => e.subject },
          { label: t('col.status'), cell: (e) => e.status },
        ]}
      />
    </section>
  );
};

export const Audit = () => {
  const { t, language } = useI18n();
  const { api } = usePortal();
  const { accountId } = useIds();
  return (
    <section>
      <h1>{t('nav.audit')}</h1>
      <PagedTable
        caption={t('nav.audit')}
        accountId={accountId}
        deps={[accountId]}
        load={(cursor) =>
          call('client', () =>
            api.GET('/accounts/{accountId}/audit', {
              params: { path: { accountId }, query: page(cursor) },
            })
          )
        }
        columns={[
          { label: t('col.date'), cell: (a) => new Date(a.at).toLocaleString(language) },
          { label: t('col.actor'), cell: (a) => a.actor.name },
          { label: t('col.action'), cell: (a) => a.action },
          { label: t('col.target'), cell: (a) => a.target },
        ]}
      />
    </section>
  );
};
