/**
 * Large base64 file bodies, lifted out of a raw mail before it is parsed.
 * A MIME parser decodes base64 line by line in JavaScript (hundreds of
 * milliseconds for a 10 MB mail); Node decodes it natively in a few. So the
 * multipart tree is walked here with Buffer searches, each large base64
 * body of a non-text part is decoded natively and replaced by a short
 * base64 marker, and the parser reads the slim mail: its headers, its text
 * and its small parts. A file whose content is a marker is then given its
 * lifted content back (`contentOf`).
 *
 * Only what is read without doubt is lifted: a part with one Content-Type
 * (not text, message or multipart) and one `base64` Content-Transfer-Encoding,
 * clean base64 with padding only at its end, closed by its boundary. Anything
 * else stays in the slim mail as it came, for the parser to read.
 */
import { randomBytes } from 'node:crypto';

/** Bodies smaller than this are left to the parser (a marker would save nothing). */
export const MIN_LIFTED_BODY_BYTES = 4 * 1024;
/** Multipart nesting walked (each level searches its span once); deeper parts are left to the parser. */
const MAX_DEPTH = 8;

const LF = 0x0a;
const CR = 0x0d;
const CLEAN_BASE64 = /^[A-Za-z0-9+/\r\n\t ]*(?:={1,2}[\r\n\t ]*)?$/;

export interface LiftedMail {
  /** The mail with every lifted body replaced by its marker. */
  slim: Buffer;
  /** How many bodies were lifted. */
  lifted: number;
  /** The lifted content a parsed file stands for, or undefined when it is the file's own. */
  contentOf(parsed: Uint8Array): Buffer | undefined;
}

interface Span {
  start: number;
  end: number;
}

interface Entity {
  contentType?: string;
  boundary?: string;
  base64: boolean;
  bodyStart: number;
}

/** The one value of `name` in an unfolded header block; undefined when absent or repeated. */
const singleHeader = (lines: string[], name: string): string | null | undefined => {
  const values = lines.filter((line) => line.toLowerCase().startsWith(`${name}:`));
  if (values.length > 1) return null;
  return values[0]?.slice(name.length + 1).trim();
};

/** The first `needle` in [from, end), or -1: searches never run past their span. */
const find = (raw: Buffer, needle: string | number, from: number, end: number) => {
  const at = raw.subarray(from, end).indexOf(needle, 0, 'latin1');
  return at < 0 ? -1 : from + at;
};

/** Where the header block of the entity in `span` ends (the blank line), or undefined. */
const blankLineAfter = (raw: Buffer, span: Span) => {
  const lf = find(raw, '\n\n', span.start, span.end);
  const crlf = find(raw, '\r\n\r\n', span.start, lf < 0 ? span.end : lf + 2);
  if (crlf >= 0) return { at: crlf, body: crlf + 4 };
  return lf >= 0 ? { at: lf, body: lf + 2 } : undefined;
};

/** The headers of the entity in `span` that decide what it is, or undefined when unreadable. */
const readEntity = (raw: Buffer, span: Span): Entity | undefined => {
  // A part that opens on a blank line has no headers: its body is text, whatever it says.
  if (raw[span.start] === LF || raw[span.start] === CR) return undefined;
  const blank = blankLineAfter(raw, span);
  if (!blank) return undefined;
  const lines = raw
    .toString('latin1', span.start, blank.at)
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/);
  const contentType = singleHeader(lines, 'content-type');
  const encoding = singleHeader(lines, 'content-transfer-encoding');
  if (contentType === null || encoding === null) return undefined;
  const boundary = /;\s*boundary\s*=\s*(?:"([^"\r\n]+)"|([^;\s"]+))/i.exec(contentType ?? '');
  return {
    contentType: contentType?.split(';')[0]?.trim().toLowerCase(),
    boundary: boundary?.[1] ?? boundary?.[2],
    base64: encoding?.toLowerCase() === 'base64',
    bodyStart: blank.body,
  };
};

/** The end of the line at `from` (past its line break), or undefined at the end of `span`. */
const nextLine = (raw: Buffer, from: number, end: number) => {
  const lf = find(raw, LF, from, end);
  return lf < 0 ? undefined : lf + 1;
};

/** The line break before `at` belongs to the delimiter that starts there. */
const beforeLineBreak = (raw: Buffer, at: number) =>
  raw[at - 1] === LF ? at - (raw[at - 2] === CR ? 2 : 1) : at;

/** The parts of a multipart body, each closed by a delimiter; a part left open is not returned. */
const partsOf = (raw: Buffer, span: Span, boundary: string): Span[] => {
  const delimiter = `--${boundary}`;
  const parts: Span[] = [];
  let open: number | undefined;
  let from = span.start;
  while (from < span.end) {
    const at = find(raw, delimiter, from, span.end);
    if (at < 0) break;
    from = at + delimiter.length;
    if (at !== span.start && raw[at - 1] !== LF) continue;
    const lineEnd = nextLine(raw, from, span.end);
    // `--b` or `--b--`, then only white space: `--bc` is another boundary's line.
    const tail = /^(--)?[ \t]*\r?\n?$/.exec(raw.toString('latin1', from, lineEnd ?? span.end));
    if (!tail) continue;
    const closing = tail[1] === '--';
    if (open !== undefined) parts.push({ start: open, end: beforeLineBreak(raw, at) });
    if (closing || lineEnd === undefined) return parts;
    open = lineEnd;
    from = lineEnd;
  }
  return parts;
};

const liftable = (entity: Entity) =>
  entity.base64 &&
  entity.contentType !== undefined &&
  !/^(text|message|multipart)\//.test(entity.contentType);

/** The spans of every body to lift, in the order they appear. */
const bodiesIn = (raw: Buffer, span: Span, depth: number, found: Span[]) => {
  const entity = readEntity(raw, span);
  if (!entity) return;
  const body = { start: entity.bodyStart, end: span.end };
  if (entity.contentType?.startsWith('multipart/')) {
    if (!entity.boundary || depth >= MAX_DEPTH) return;
    for (const part of partsOf(raw, body, entity.boundary)) bodiesIn(raw, part, depth + 1, found);
    return;
  }
  if (liftable(entity) && body.end - body.start >= MIN_LIFTED_BODY_BYTES) found.push(body);
};

export const liftBodies = (raw: Buffer): LiftedMail => {
  const spans: Span[] = [];
  bodiesIn(raw, { start: 0, end: raw.length }, 0, spans);
  const nonce = randomBytes(12).toString('hex');
  const markerOf = (index: number) => Buffer.from(`portico-lifted-body:${nonce}:${index}`);
  const contents: Buffer[] = [];
  const pieces: Buffer[] = [];
  let copied = 0;
  for (const span of spans) {
    const text = raw.toString('latin1', span.start, span.end);
    if (!CLEAN_BASE64.test(text)) continue;
    pieces.push(
      raw.subarray(copied, span.start),
      Buffer.from(markerOf(contents.length).toString('base64'))
    );
    contents.push(Buffer.from(text, 'base64'));
    copied = span.end;
  }
  if (contents.length === 0) return { slim: raw, lifted: 0, contentOf: () => undefined };
  pieces.push(raw.subarray(copied));
  const markers = new Map(contents.map((content, index) => [markerOf(index).toString(), content]));
  const markerLength = markerOf(0).length;
  return {
    slim: Buffer.concat(pieces),
    lifted: contents.length,
    contentOf: (parsed) =>
      parsed.byteLength >= markerLength && parsed.byteLength <= markerLength + 8
        ? markers.get(Buffer.from(parsed).toString())
        : undefined,
  };
};
