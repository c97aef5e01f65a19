/**
 * Files of ticket messages through the API: a member declares a file and
 * gets a presigned PUT into the account's staging prefix; a new ticket or
 * a reply names the upload ids; before the message is saved each upload is
 * checked (this login's, on this account, unused, stored, of its declared
 * size and type) and copied under the message's attachment key, where mail
 * attachments are kept; the message's transaction marks each upload used.
 * Download links are signed only for messages the caller was allowed to read.
 */
import type { MemberCaller } from '#core/access/caller';
import type { GuardedWrite } from '#core/db/transact';
import { writeTogether } from '#core/db/transact';
import type { MessageAttachment, TicketMessage } from '#core/entities/ticket-message';
import {
  createTicketUploadPut,
  stagingKey,
  type TicketUpload,
  uploadExpiry,
  useTicketUploadUpdate,
} from '#core/entities/ticket-upload';
import type { BucketFiles } from '#core/platform/clients/bucket-files';
import { mailFiles } from '#core/platform/clients/mail-files';
import * as clock from '#core/platform/clock';
import { ServiceUnavailableError, UnprocessableContentError } from '#core/platform/errors';
import type { FieldCode } from '#core/platform/field-errors';
import { PROBLEM, type ProblemType } from '#core/platform/problem-types';
import {
  attachmentDisposition,
  beginsAsItsType,
  isUploadType,
  SIGNATURE_BYTES,
} from '#core/rules/attachments';
import { newId } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import { staleTicket } from '#core/workflows/ticket-conversation';
import { loginRateToken } from './rate-tokens.ts';
import type { UploadDeclaration } from './schemas.ts';

/** How long an upload link and a download link stay valid. */
export const UPLOAD_LINK_SECONDS = 15 * 60;
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

/** Declared uploads per login and hour, whichever accounts: a person never gets near it. */
export const UPLOAD_LIMIT = { limit: 100, windowSeconds: 3600 } as const;

const bucket = (): BucketFiles => {
  if (!mailFiles)
    throw new ServiceUnavailableError(
      PROBLEM.attachmentsUnavailable,
      'This stage keeps no attachment files yet; send the message without files.'
    );
  return mailFiles;
};

/** `POST …/ticket-uploads`: records the declared file and answers where to PUT it. */
export const declareUpload = async (
  store: TableStore,
  caller: MemberCaller,
  file: UploadDeclaration
) => {
  const files = bucket();
  const now = clock.now();
  const id = newId();
  const { accountId } = caller.membership;
  const upload: TicketUpload = {
    id,
    accountId,
    loginId: caller.loginId,
    ...file,
    key: stagingKey(accountId, id),
    createdAt: now.toISOString(),
  };
  await writeTogether(
    [
      { action: { Put: createTicketUploadPut(upload) } },
      loginRateToken(
        `upload#login#${caller.loginId}`,
        UPLOAD_LIMIT,
        now,
        (limit, later) =>
          `This login declared ${limit} uploads this hour, the most it may; try again in ${later}.`
      ),
    ],
    staleTicket,
    store
  );
  const link = await files.uploadLink(upload.key, UPLOAD_LINK_SECONDS, {
    contentType: file.contentType,
    contentLength: file.size,
  });
  return {
    id,
    ...file,
    upload: { method: 'PUT' as const, url: link.url, headers: link.headers },
    expiresAt: new Date(now.getTime() + UPLOAD_LINK_SECONDS * 1000).toISOString(),
  };
};

const refused = (problem: ProblemType<422>, index: number, code: FieldCode, message: string) =>
  new UnprocessableContentError(
    problem,
    [{ field: `attachments[${index}]`, code, message }],
    'A file named in `attachments` cannot be attached; nothing was saved.'
  );

/** What a message about to be saved takes from its uploads. */
export interface ClaimedUploads {
  uploads: TicketUpload[];
  /** An upload was used already: only an idempotent replay of that very request can pass. */
  replayOnly: boolean;
}

/**
 * Checks the upload items read with the message's other items: each one
 * this login's on this account, and not lapsed. A used one is refused,
 * unless the request carries an Idempotency-Key: then the transaction
 * decides (a replay answers the first result, anything else is refused).
 */
export const claimUploads = (
  caller: MemberCaller,
  ids: readonly string[],
  found: readonly TicketUpload[],
  idempotent: boolean
): ClaimedUploads => {
  const nowSeconds = clock.now().getTime() / 1000;
  const uploads = ids.map((id, index) => {
    const upload = found.find((one) => one.id === id);
    if (
      !upload ||
      upload.accountId !== caller.membership.accountId ||
      upload.loginId !== caller.loginId ||
      uploadExpiry(upload) <= nowSeconds
    )
      throw refused(
        PROBLEM.uploadUnknown,
        index,
        'unknown_reference',
        'No upload of yours has this id (or it lapsed after a day): upload the file again.'
      );
    if (upload.usedBy !== undefined && !idempotent)
      throw refused(PROBLEM.uploadUsed, index, 'already_used', 'This upload is attached already.');
    return upload;
  });
  return { uploads, replayOnly: uploads.some((upload) => upload.usedBy !== undefined) };
};

/** The stored file of each upload is there, of its declared size, and begins as its type. */
const checkStored = async (files: BucketFiles, uploads: readonly TicketUpload[]) => {
  const stored = await Promise.all(
    uploads.map((upload) => files.firstBytes(upload.key, SIGNATURE_BYTES))
  );
  stored.forEach((file, index) => {
    const upload = uploads[index] as TicketUpload;
    if (!file)
      throw refused(
        PROBLEM.uploadMissing,
        index,
        'not_uploaded',
        'The file was never uploaded: PUT it to its upload link first.'
      );
    if (file.size !== upload.size)
      throw refused(
        PROBLEM.uploadMismatch,
        index,
        'file_mismatch',
        `The stored file holds ${file.size} bytes, not the ${upload.size} declared.`
      );
    if (!isUploadType(upload.contentType) || !beginsAsItsType(upload.contentType, file.head))
      throw refused(
        PROBLEM.uploadMismatch,
        index,
        'file_mismatch',
        `The stored file is not of type ${upload.contentType}.`
      );
  });
};

/**
 * Before the message's transaction: checks the stored files and copies each
 * under its attachment key (so a saved message never names a missing
 * file), and answers the writes that mark the uploads used in it. A copy
 * left by a transaction that then fails is named by no message.
 */
export const attachUploads = async (
  claimed: ClaimedUploads,
  message: TicketMessage
): Promise<GuardedWrite[]> => {
  const { uploads, replayOnly } = claimed;
  if (uploads.length === 0) return [];
  if (!replayOnly) {
    const files = bucket();
    await checkStored(files, uploads);
    const targets = message.attachments ?? [];
    await Promise.all(
      uploads.map((upload, index) => files.copyObject(upload.key, targets[index]?.key ?? ''))
    );
  }
  return uploads.map((upload, index) => ({
    action: { Update: useTicketUploadUpdate(upload, message.id) },
    onConditionFailed: () =>
      refused(PROBLEM.uploadUsed, index, 'already_used', 'This upload is attached already.'),
  }));
};

/** The files of the uploads, as the message records them. */
export const filesOf = (claimed: ClaimedUploads) =>
  claimed.uploads.map(({ filename, contentType, size }) => ({ filename, contentType, size }));

export interface AttachmentLink {
  url: string | null;
  expiresAt: string | null;
}

/**
 * Download links of the messages' files (a presigned GET each, saved as
 * the file's name), for messages the caller may read. No bucket: no links.
 */
export const attachmentLinks = async (
  messages: readonly Pick<TicketMessage, 'attachments'>[]
): Promise<Map<string, AttachmentLink>> => {
  const files: MessageAttachment[] = messages.flatMap((message) => message.attachments ?? []);
  const links = new Map<string, AttachmentLink>();
  if (files.length === 0) return links;
  const expiresAt = new Date(clock.now().getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString();
  await Promise.all(
    files.map(async (file) => {
      const url = mailFiles
        ? await mailFiles.downloadLink(file.key, DOWNLOAD_LINK_SECONDS, {
            // A type of the mail's choosing (text/html, say) is served as bytes to save.
            contentType: isUploadType(file.contentType)
              ? file.contentType
              : 'application/octet-stream',
            contentDisposition: attachmentDisposition(file.filename),
          })
        : null;
      links.set(file.key, { url, expiresAt: url ? expiresAt : null });
    })
  );
  return links;
};
