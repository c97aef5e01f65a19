/**
 * Files of ticket messages: a file input, the uploads it makes (declared to
 * the API, then PUT straight to the presigned link it answers), and the
 * links a message lists.
 */
import { useRef } from 'preact/hooks';
import { type Api, call, type Schemas } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';

type UploadType = Schemas['TicketUploadDeclaration']['contentType'];

/** The file's bytes did not reach the bucket (a link that expired, a network failure). */
export class UploadFailed extends Error {
  constructor(readonly filename: string) {
    super(`upload of ${filename} failed`);
  }
}

/** Declares the file and PUTs it through its link; answers the upload id. */
const uploadFile = async (api: Api, accountId: string, file: File) => {
  const { data } = await call('client', () =>
    api.POST('/accounts/{accountId}/ticket-uploads', {
      params: { path: { accountId } },
      // The API decides which types it takes; the browser's guess is sent as it is.
      body: { filename: file.name, contentType: file.type as UploadType, size: file.size },
    })
  );
  const put = await fetch(data.upload.url, {
    method: data.upload.method,
    headers: data.upload.headers,
    body: file,
  });
  if (!put.ok) throw new UploadFailed(file.name);
  return data.id;
};

/**
 * Uploads files once each: a form sent again (its first answer lost, same
 * Idempotency-Key) names the same upload ids, so the API can replay it.
 * Choosing the file again makes a new upload.
 */
export const useUploads = (api: Api, accountId: string) => {
  const uploaded = useRef(new WeakMap<File, Promise<string>>());
  return (files: readonly File[]) =>
    Promise.all(
      files.map((file) => {
        const known = uploaded.current.get(file);
        if (known) return known;
        const id = uploadFile(api, accountId, file);
        uploaded.current.set(file, id);
        // A failed upload is tried afresh next time.
        id.catch(() => uploaded.current.delete(file));
        return id;
      })
    );
};

const FIELDS = ['filename', 'contentType', 'size', 'attachments'];

/** A multiple-file input; shows the field errors an upload or the message got. */
export const FileField = (props: {
  id: string;
  files: readonly File[];
  onChange: (files: File[]) => void;
  errors: Record<string, string>;
}) => {
  const { t } = useI18n();
  const errors = Object.entries(props.errors)
    .filter(([field]) => FIELDS.some((name) => field === name || field.startsWith(`${name}[`)))
    .map(([, text]) => text);
  return (
    <div class="field">
      <label for={props.id}>{t('tickets.files')}</label>
      <input
        id={props.id}
        type="file"
        multiple
        data-testid={props.id}
        onChange={(event) => props.onChange([...(event.currentTarget.files ?? [])])}
      />
      {errors.length ? (
        <span class="field-error" data-testid={`${props.id}-error`}>
          {errors.join(' ')}
        </span>
      ) : null}
    </div>
  );
};

/** A message's files, each a link while its signed URL lasts (reloading the ticket renews them). */
export const AttachmentList = ({ files }: { files: Schemas['TicketAttachment'][] }) =>
  files.length === 0 ? null : (
    <ul class="attachments">
      {files.map((file) => (
        <li key={`${file.name}-${file.size}`}>
          {file.url ? (
            <a href={file.url} download={file.name}>
              {file.name}
            </a>
          ) : (
            file.name
          )}{' '}
          <span class="muted">({Math.max(1, Math.round(file.size / 1024))} KB)</span>
        </li>
      ))}
    </ul>
  );
