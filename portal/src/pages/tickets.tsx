import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import { FileField, useUploads } from '../ui/attachments.tsx';
import { useAccount, usePortal } from '../ui/context.ts';
import { Failure } from '../ui/failure.tsx';
import { FormStatus, SelectField, TextField, useForm } from '../ui/form.tsx';
import { PagedTable } from '../ui/table.tsx';
import { Thread } from '../ui/thread.tsx';
import { useLoad } from '../ui/use-load.ts';

export const Tickets = () => {
  const { t, language } = useI18n();
  const { api } = usePortal();
  const { membership } = useAccount();
  const accountId = membership.accountId;
  return (
    <section>
      <h1>{t('nav.tickets')}</h1>
      <NewTicket />
      <PagedTable
        caption={t('nav.tickets')}
        accountId={accountId}
        deps={[accountId]}
        load={(cursor) =>
          call('client', () =>
            api.GET('/accounts/{accountId}/tickets', {
              params: { path: { accountId }, query: cursor ? { cursor } : {} },
            })
          )
        }
        columns={[
          {
            label: t('col.subject'),
            cell: (x) => <a href={`/a/${accountId}/tickets/${x.id}`}>{x.subject}</a>,
          },
          { label: t('col.status'), cell: (x) => x.status },
          { label: t('col.from'), cell: (x) => x.openedBy.name },
          { label: t('col.date'), cell: (x) => new Date(x.updatedAt).toLocaleString(language) },
        ]}
      />
    </section>
  );
};

const NewTicket = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { route } = useLocation();
  const { membership } = useAccount();
  const accountId = membership.accountId;
  const [key] = useState(() => crypto.randomUUID());
  const form = useForm({ subject: '', body: '', department: 'technical', serviceId: '' });
  const [files, setFiles] = useState<File[]>([]);
  const upload = useUploads(api, accountId);
  const submit = form.submit(async ({ serviceId, department, ...rest }) => {
    const attachments = await upload(files);
    const { data } = await call('client', () =>
      api.POST('/accounts/{accountId}/tickets', {
        params: { path: { accountId }, header: { 'idempotency-key': key } },
        body: {
          ...rest,
          department: department as 'technical' | 'billing' | 'sales',
          ...(serviceId ? { serviceId } : {}),
          ...(attachments.length ? { attachments } : {}),
        },
      })
    );
    route(`/a/${accountId}/tickets/${data.id}`);
  });
  const services = membership.assignedServiceIds;
  return (
    <details>
      <summary>{t('tickets.new')}</summary>
      <form onSubmit={submit}>
        <TextField form={form} name="subject" label={t('tickets.subject')} />
        <TextField form={form} name="body" label={t('tickets.body')} multiline />
        <SelectField
          form={form}
          name="department"
          label={t('tickets.department')}
          options={['technical', 'billing', 'sales'].map((d) => ({ value: d, label: d }))}
        />
        <TextField
          form={form}
          name="serviceId"
          label={`${t('tickets.service')}${services.length ? `: ${services.join(', ')}` : ''}`}
        />
        <FileField id="ticket-files" files={files} onChange={setFiles} errors={form.errors} />
        <FormStatus form={form} />
        <button type="submit" disabled={form.busy}>
          {t('tickets.new')}
        </button>
      </form>
    </details>
  );
};

export const TicketPage = () => {
  const { t } = useI18n();
  const { api } = usePortal();
  const { params } = useRoute();
  const { membership } = useAccount();
  const path = { accountId: membership.accountId, ticketId: params.ticketId ?? '' };
  const ticket = useLoad(
    () =>
      call('client', () =>
        api.GET('/accounts/{accountId}/tickets/{ticketId}', { params: { path } })
      ),
    [path.accountId, path.ticketId]
  );
  const [error, setError] = useState<unknown>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const upload = useUploads(api, path.accountId);
  if (ticket.error) return <Failure error={ticket.error} accountId={path.accountId} />;
  if (!ticket.data) return <p>{t('app.loading')}</p>;
  const close = async () => {
    try {
      await call('client', () =>
        api.POST('/accounts/{accountId}/tickets/{ticketId}/close', { params: { path } })
      );
      await ticket.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section>
      <Thread
        ticket={ticket.data}
        withFiles
        onReply={async (body, files) => {
          const attachments = await upload(files);
          await call('client', () =>
            api.POST('/accounts/{accountId}/tickets/{ticketId}/replies', {
              params: { path, header: { 'idempotency-key': key } },
              body: { body, ...(attachments.length ? { attachments } : {}) },
            })
          );
          setKey(crypto.randomUUID());
          await ticket.reload();
        }}
      />
      {ticket.data.status === 'closed' ? null : (
        <button type="button" onClick={() => void close()}>
          {t('tickets.close')}
        </button>
      )}
      {error ? <Failure error={error} accountId={path.accountId} /> : null}
    </section>
  );
};
