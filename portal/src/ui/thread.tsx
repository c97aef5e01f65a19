import { useState } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import { AttachmentList, FileField } from './attachments.tsx';
import { FormStatus, TextField, useForm } from './form.tsx';

/**
 * A ticket's messages and a reply box: the client area and the staff
 * console share it. With `withFiles`, the reply takes files too.
 */
export const Thread = (props: {
  ticket: Schemas['TicketDetail'];
  onReply: (body: string, files: File[]) => Promise<void>;
  withFiles?: boolean;
}) => {
  const { t, language } = useI18n();
  const form = useForm({ body: '' });
  const [files, setFiles] = useState<File[]>([]);
  const submit = form.submit(async (v) => {
    await props.onReply(v.body, files);
    form.reset({ body: '' });
    setFiles([]);
  });
  return (
    <>
      <h1>{props.ticket.subject}</h1>
      <p data-testid="ticket-status">
        {t('tickets.status')}: {props.ticket.status} · {props.ticket.openedBy.name}
      </p>
      <ol class="thread">
        {props.ticket.messages.map((m) => (
          <li key={m.id}>
            <p class="meta">
              {m.author.name} · {new Date(m.createdAt).toLocaleString(language)}
            </p>
            <p class="body">{m.body}</p>
            <AttachmentList files={m.attachments} />
          </li>
        ))}
      </ol>
      <form onSubmit={submit}>
        <TextField form={form} name="body" label={t('tickets.reply')} multiline />
        {props.withFiles ? (
          <FileField id="reply-files" files={files} onChange={setFiles} errors={form.errors} />
        ) : null}
        <FormStatus form={form} />
        <button type="submit" disabled={form.busy}>
          {t('tickets.reply')}
        </button>
      </form>
    </>
  );
};
