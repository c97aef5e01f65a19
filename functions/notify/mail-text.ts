/**
 * What every mail Portico renders shares: the language chosen from the
 * contact's `language` (English unless Spanish), HTML escaping of customer
 * data (`#core/mail/html`, shared with Cognito's wording), one-line
 * header text, and the HTML document around a body.
 */
export type MailLanguage = 'en' | 'es';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export const languageOf = (language: string): MailLanguage => (language === 'es' ? 'es' : 'en');

/** One line for a header: no CR/LF, bounded. */
export const headerText = (value: string, max = 150) =>
  value
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

export const htmlDocument = (language: MailLanguage, body: string) =>
  `<!doctype html>\n<html lang="${language}"><body>\n${body}\n</body></html>\n`;
