/**
 * Files that come with a ticket message, by mail or uploaded through the
 * API: one set of limits for both paths, the types an upload may declare,
 * and how each type begins (checked on the stored bytes, so a renamed file
 * is refused).
 */

/** The most files one message carries (mail or API). */
export const MAX_ATTACHMENTS = 10;
/** The largest file one message carries (mail or API). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** The longest file name kept. */
export const ATTACHMENT_NAME_MAX = 200;

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

const startsWith = (head: Uint8Array, prefix: Uint8Array, at = 0) =>
  head.length >= at + prefix.length && prefix.every((byte, index) => head[at + index] === byte);

/** Text: no NUL byte in what was read (binary files nearly always hold one early). */
const isText = (head: Uint8Array) => !head.includes(0);

/** What each allowed type's first bytes are. */
const SIGNATURES = {
  'application/pdf': (head: Uint8Array) => startsWith(head, ascii('%PDF-')),
  'image/png': (head: Uint8Array) =>
    startsWith(head, bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)),
  'image/jpeg': (head: Uint8Array) => startsWith(head, bytes(0xff, 0xd8, 0xff)),
  'image/gif': (head: Uint8Array) =>
    startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a')),
  'image/webp': (head: Uint8Array) =>
    startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8),
  'application/zip': (head: Uint8Array) => startsWith(head, bytes(0x50, 0x4b, 0x03, 0x04)),
  'text/plain': isText,
  'text/csv': isText,
} as const;

export type UploadType = keyof typeof SIGNATURES;

/** The types a file uploaded through the API may have (mail keeps whatever type it came with). */
export const UPLOAD_TYPES = Object.keys(SIGNATURES) as [UploadType, ...UploadType[]];

export const isUploadType = (type: string): type is UploadType => Object.hasOwn(SIGNATURES, type);

/** How many first bytes `beginsAsItsType` needs to see. */
export const SIGNATURE_BYTES = 64;

/** Whether the file's first bytes are those of its declared type. */
export const beginsAsItsType = (type: UploadType, head: Uint8Array): boolean =>
  SIGNATURES[type](head);

/**
 * `Content-Disposition: attachment` for a stored file: an ASCII fallback
 * name and the exact name in RFC 8187 encoding. Neither can carry a quote,
 * a backslash, CR or LF, whatever the original name held.
 */
export const attachmentDisposition = (filename: string): string => {
  const fallback = filename.replace(/[^A-Za-z0-9._ -]+/g, '_').slice(-100) || 'file';
  const exact = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
};
