/**
 * The text of a mail that came as HTML only (html-to-text). HTML past a
 * size or a nesting depth is not converted: the HTML parser's work grows
 * with the square of the nesting (200,000 nested `<b>` take seconds) and
 * the converter's walk overflows the stack at about 2,000 levels, while real
 * markup stays far below (browsers flatten past 512). The text is then
 * empty, as it would be for a mail with nothing to say.
 */

/**
 * html-to-text and its HTML parser are loaded on the first HTML-only mail:
 * most mail carries a text part, and building the parser's entity tables
 * took a third of the function's cold import (docs/performance.md).
 */
let converter: Promise<typeof import('html-to-text')> | undefined;
const loadConverter = () => {
  converter ??= import('html-to-text');
  return converter;
};

/** HTML past this is not turned into text. */
export const MAX_HTML_CHARS = 2_000_000;
export const MAX_HTML_DEPTH = 1_000;

/** Elements that hold nothing, or that the next sibling closes (li, td, p): no level of their own. */
const FLAT = new Set(
  'area base br col embed hr img input link meta param source track wbr li td th tr p option dt dd'.split(
    ' '
  )
);

/**
 * Whether open elements nest deeper than `max`. One pass: the next `>` is
 * found once and reused, so a run of unclosed `<` costs no rescans.
 */
export const nestsDeeperThan = (html: string, max: number): boolean => {
  let depth = 0;
  let close = -1;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    if (close < at) close = html.indexOf('>', at);
    if (close < 0) return false;
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(at, at + 40));
    if (!tag?.[2] || FLAT.has(tag[2].toLowerCase()) || html[close - 1] === '/') continue;
    depth = tag[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) return true;
  }
  return false;
};

export const textOfHtml = async (html: string): Promise<string> => {
  if (html.length > MAX_HTML_CHARS || nestsDeeperThan(html, MAX_HTML_DEPTH)) return '';
  const { htmlToText } = await loadConverter();
  try {
    return htmlToText(html, { limits: { maxDepth: MAX_HTML_DEPTH } });
  } catch {
    return '';
  }
};
