/**
 * Notice and invoice mail, in the recipient's language (English or Spanish),
 * as text and HTML. A notice's text may name per-recipient fields, `{name}`,
 * `{account}` and `{service}` (the services in scope the recipient is
 * mailed about); their values are customer data, so the HTML gets them
 * escaped. Staff's own HTML is kept as written; without it the HTML part is
 * the text, escaped.
 */
import type { Invoice } from '#core/entities/invoice';
import type { NoticeCategory } from '#core/entities/notice';
import { escapeHtml } from '#core/mail/html';
import {
  headerText,
  htmlDocument,
  languageOf,
  type MailLanguage,
  type RenderedMail,
} from './mail-text.ts';

export interface MailFields {
  name: string;
  account: string;
  /** The services in scope, for a service-scoped notice. */
  service?: string;
}

const CATEGORY_NAME: Record<MailLanguage, Record<NoticeCategory | 'invoice', string>> = {
  en: { general: 'maintenance', product: 'product', domain: 'domain', invoice: 'invoice' },
  es: { general: 'mantenimiento', product: 'productos', domain: 'dominios', invoice: 'facturas' },
};

const FOOTER = {
  en: (category: string, account: string) =>
    `You receive this because ${category} mail is on for you in the account ${account}. Change it in the client area, under your contact's email preferences.`,
  es: (category: string, account: string) =>
    `Recibe este correo porque tiene activado el correo de ${category} en la cuenta ${account}. Puede cambiarlo en el área de clientes, en las preferencias de correo de su contacto.`,
};

const FIELD = /\{(name|account|service)\}/g;

/** Fills `{name}`, `{account}`, `{service}`; a field the mail has no value for stays as written. */
export const fillFields = (template: string, fields: MailFields, encode = (v: string) => v) =>
  template.replace(FIELD, (whole, field: keyof MailFields) => {
    const value = fields[field];
    return value === undefined ? whole : encode(value);
  });

export interface NoticeMailInput {
  notice: { category: NoticeCategory; subject: string; text: string; html?: string };
  fields: MailFields;
  language: string;
}

export const renderNoticeMail = ({ notice, fields, language }: NoticeMailInput): RenderedMail => {
  const lang = languageOf(language);
  const footer = FOOTER[lang](CATEGORY_NAME[lang][notice.category], fields.account);
  const text = fillFields(notice.text, fields);
  const body =
    notice.html === undefined
      ? `<div style="white-space:pre-wrap">${escapeHtml(text)}</div>`
      : fillFields(notice.html, fields, escapeHtml);
  return {
    subject: headerText(fillFields(notice.subject, fields), 200),
    text: `${text}\n\n--\n${footer}\n`,
    html: htmlDocument(
      lang,
      `${body}\n<p style="color:#666;font-size:smaller">${escapeHtml(footer)}</p>`
    ),
    headers: {},
  };
};

const INVOICE_WORDS = {
  en: {
    subject: (number: string, total: string, due: string) =>
      `Invoice ${number}: ${total}, due ${due}`,
    hello: (name: string) => `Hello ${name},`,
    intro: 'A new invoice was issued for the account',
    number: 'Invoice',
    total: 'Total',
    due: 'Due date',
    portal: 'See it and download its PDF in the client area, under Invoices.',
  },
  es: {
    subject: (number: string, total: string, due: string) =>
      `Factura ${number}: ${total}, vence el ${due}`,
    hello: (name: string) => `Hola ${name}:`,
    intro: 'Se emitió una nueva factura para la cuenta',
    number: 'Factura',
    total: 'Total',
    due: 'Vencimiento',
    portal: 'Puede verla y descargar su PDF en el área de clientes, en Facturas.',
  },
} as const;

/** `119.00 EUR`; Spanish writes the decimal comma. */
const money = (amount: string, currency: string, lang: MailLanguage) =>
  `${lang === 'es' ? amount.replace('.', ',') : amount} ${currency}`;

export const renderInvoiceMail = (
  invoice: Pick<Invoice, 'number' | 'total' | 'currency' | 'dueAt'>,
  fields: MailFields,
  language: string
): RenderedMail => {
  const lang = languageOf(language);
  const words = INVOICE_WORDS[lang];
  const total = money(invoice.total, invoice.currency, lang);
  const rows: [string, string][] = [
    [words.number, invoice.number],
    [words.total, total],
    [words.due, invoice.dueAt],
  ];
  const footer = FOOTER[lang](CATEGORY_NAME[lang].invoice, fields.account);
  const text = [
    words.hello(fields.name),
    '',
    `${words.intro} ${fields.account}:`,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    words.portal,
    '',
    '--',
    footer,
  ];
  const html = [
    `<p>${escapeHtml(words.hello(fields.name))}</p>`,
    `<p>${escapeHtml(words.intro)} <strong>${escapeHtml(fields.account)}</strong>:</p>`,
    `<table>${rows.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`,
    `<p>${escapeHtml(words.portal)}</p>`,
    `<p style="color:#666;font-size:smaller">${escapeHtml(footer)}</p>`,
  ].join('\n');
  return {
    subject: headerText(words.subject(invoice.number, total, invoice.dueAt)),
    text: `${text.join('\n')}\n`,
    html: htmlDocument(lang, html),
    headers: {},
  };
};
