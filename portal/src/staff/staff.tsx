/** The staff console: ticket queue, a ticket and its answer, requester check, notices with progress. */

import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { call, type Schemas } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import { usePortal } from '../ui/context.ts';
import { Failure } from '../ui/failure.tsx';
import { CheckField, FormStatus, SelectField, TextField, useForm } from '../ui/form.tsx';
import { PagedTable } from '../ui/table.tsx';
import { Thread } from '../ui/thread.tsx';
import { useLoad } from '../ui/use-load.ts';

export const StaffQueue = () => {
  const { t, language } = useI18n();
  const { api } = usePortal();
  return (
    <section>
      <h1>{t('staff.queue')}</h1>
      <PagedTable
        caption={t('staff.queue')}
        load={(cursor) =>
          call('staff', () =>
            api.GET('/staff/tickets', { params: { query: cursor ? { cursor } : {} } })
          )
        }
        columns={[
          {
            label: t('col.subject'),
            cell: (x) => <a href={`/staff/tickets/${x.id}`}>{x.subject}</a>,
          },
          { label: t('col.account'), cell: (x) => x.accountName ?? x.accountId },
          { label: t('col.status'), cell: (x) => x.status },
          { label: t('col.date'), cell: (x) => new Date(x.updatedAt).toLocaleString(language) },
        ]}
      />
    </section>
  );
};

export const StaffTicket = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { params } = useRoute();
  const path = { ticketId: params.ticketId ?? '' };
  const ticket = useLoad(
    () => call('staff', () => api.GET('/staff/tickets/{ticketId}', { params: { path } })),
    [path.ticketId]
  );
  const form = useForm({ status: 'answered' });
  if (ticket.error) return <Failure error={ticket.error} />;
  const data = ticket.data;
  if (!data) return <p>{t('app.loading')}</p>;
  const setStatus = form.submit(async (v) => {
    await call('staff', () =>
      api.POST('/staff/tickets/{ticketId}/status', {
        params: { path, header: { 'if-match': ticket.etag ?? `"${data.version}"` } },
        body: { status: v.status as 'open' | 'answered' | 'closed' },
      })
    );
    await ticket.reload();
  });
  return (
    <section>
      <Thread
        ticket={data}
        onReply={async (body) => {
          await call('staff', () =>
            api.POST('/staff/tickets/{ticketId}/replies', { params: { path }, body: { body } })
          );
          await ticket.reload();
        }}
      />
      <form onSubmit={setStatus}>
        <SelectField
          form={form}
          name="status"
          label={t('tickets.status')}
          options={['open', 'answered', 'closed'].map((s) => ({ value: s, label: s }))}
        />
        <FormStatus form={form} />
        <button type="submit">{t('staff.setStatus')}</button>
      </form>
    </section>
  );
};

/** Which accounts an address belongs to, with its role and permissions in each. */
export const RequesterCheck = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const [found, setFound] = useState<Schemas['Requester']>();
  const form = useForm({ email: '' });
  const submit = form.submit(async (v) => {
    setFound(
      (
        await call('staff', () =>
          api.GET('/staff/requesters', { params: { query: { email: v.email } } })
        )
      ).data
    );
  });
  return (
    <section>
      <h1>{t('staff.requester')}</h1>
      <form onSubmit={submit}>
        <TextField form={form} name="email" label={t('auth.email')} type="email" />
        <FormStatus form={form} />
        <button type="submit">{t('staff.check')}</button>
      </form>
      {found ? (
        <table data-testid="requester">
          <caption>{found.email}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.account')}</th>
              <th scope="col">{t('col.role')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.areas')}</th>
            </tr>
          </thead>
          <tbody>
            {found.items.map((r) => (
              <tr key={`${r.accountId}-${r.contactId}`}>
                <td>{r.accountName}</td>
                <td>{r.role}</td>
                <td>{r.loginStatus}</td>
                <td>{r.permissions.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};

export const Notices = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { route } = useLocation();
  const form = useForm({
    category: 'general',
    subject: '',
    text: '',
    accountIds: '',
    everyone: false,
  });
  const submit = form.submit(async (v) => {
    const accountIds = v.accountIds
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const { data } = await call('staff', () =>
      api.POST('/staff/notices', {
        body: {
          category: v.category as 'general' | 'product' | 'domain',
          subject: v.subject,
          text: v.text,
          scope: v.everyone ? { everyone: true } : { accountIds },
        } as Schemas['NoticeCreate'],
      })
    );
    route(`/staff/notices/${data.id}`);
  });
  return (
    <section>
      <h1>{t('staff.notices')}</h1>
      <form onSubmit={submit}>
        <SelectField
          form={form}
          name="category"
          label={t('col.category')}
          options={['general', 'product', 'domain'].map((c) => ({ value: c, label: c }))}
        />
        <TextField form={form} name="subject" label={t('col.subject')} />
        <TextField form={form} name="text" label={t('staff.text')} multiline />
        <TextField form={form} name="accountIds" label={t('staff.accountIds')} />
        <CheckField form={form} name="everyone" label={t('staff.everyone')} />
        <FormStatus form={form} />
        <button type="submit" disabled={form.busy}>
          {t('staff.send')}
        </button>
      </form>
    </section>
  );
};

/** A notice's delivery progress, polled every two seconds until it is done. */
export const NoticeProgress = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { params } = useRoute();
  const path = { noticeId: params.noticeId ?? '' };
  const notice = useLoad(
    () => call('staff', () => api.GET('/staff/notices/{noticeId}', { params: { path } })),
    [path.noticeId]
  );
  const done = notice.data?.status === 'done';
  useEffect(() => {
    if (done) return;
    const timer = setInterval(() => void notice.reload(), 2000);
    return () => clearInterval(timer);
  }, [done, notice.reload]);
  if (notice.error) return <Failure error={notice.error} />;
  const n = notice.data;
  if (!n) return <p>{t('app.loading')}</p>;
  return (
    <section>
      <h1>{n.subject}</h1>
      <h2>{t('staff.progress')}</h2>
      <dl data-testid="notice-progress" data-status={n.status}>
        <dt>{t('col.status')}</dt>
        <dd>{n.status}</dd>
        <dt>{t('staff.recipients')}</dt>
        <dd>{n.recipients}</dd>
        <dt>{t('staff.sent')}</dt>
        <dd>{n.sent}</dd>
        <dt>{t('staff.failed')}</dt>
        <dd>{n.failed}</dd>
        <dt>{t('staff.skipped')}</dt>
        <dd>{n.skipped.total}</dd>
      </dl>
      <progress
        max={Math.max(n.recipients, 1)}
        value={n.sent + n.failed}
        aria-label={t('staff.progress')}
      />
    </section>
  );
};
