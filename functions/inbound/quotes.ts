/**
 * Trims the quoted history a mail client appends to a reply, so a ticket
 * stores what the person wrote this time. The first line that starts the
 * quotation ends the new text: an attribution ("On … wrote:", in a few
 * languages), an Outlook separator or header block, or a run of `>` lines
 * that reaches the end of the mail. A mail that would be left empty keeps
 * its whole text (a quote alone is still what they sent).
 */

const ATTRIBUTION = [
  /^On .{1,300}wrote:\s*$/i,
  /^El .{1,300}escribió:\s*$/i,
  /^Le .{1,300}a écrit\s*:\s*$/i,
  /^Am .{1,300}schrieb .{0,300}:\s*$/i,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^-{2,}\s*Mensaje original\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
];

/** An Outlook header block: `From:` followed within three lines by `Sent:`/`Date:` and `To:`/`Subject:`. */
const startsHeaderBlock = (lines: string[], index: number) => {
  if (!/^\*?From:\*?\s/i.test(lines[index] ?? '')) return false;
  const next = lines.slice(index + 1, index + 4).join('\n');
  return /^\*?(Sent|Date):/im.test(next) && /^\*?(To|Subject):/im.test(next);
};

const isQuoteLine = (line: string) => line.startsWith('>') || line.trim() === '';

export const trimQuotedHistory = (text: string): string => {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Where the trailing run of quote lines begins: found once, so a long mail costs one pass.
  let tail = lines.length;
  while (tail > 0 && isQuoteLine(lines[tail - 1] ?? '')) tail--;
  let end = lines.length;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (
      ATTRIBUTION.some((pattern) => pattern.test(line.trim())) ||
      startsHeaderBlock(lines, index)
    ) {
      end = index;
      break;
    }
    if (line.startsWith('>') && index >= tail) {
      end = index;
      break;
    }
  }
  const kept = lines.slice(0, end).join('\n').trim();
  return kept === '' ? text.trim() : kept;
};
