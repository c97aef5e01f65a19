/**
 * The fields of a contact, shared by My Details, My contact, Add new contact
 * and the contact page; each shows only the fields its route takes.
 */
import type { Schemas } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import { CheckField, type Form, SelectField, TextField } from './form.tsx';

export type ContactValues = {
  kind: 'individual' | 'organisation';
  firstName: string;
  lastName: string;
  companyName: string;
  taxId: string;
  email: string;
  phone: string;
  address: Record<'line1' | 'line2' | 'city' | 'region' | 'postcode' | 'country', string>;
  language: 'en' | 'es';
  emailPreferences: Record<'general' | 'product' | 'domain' | 'invoice' | 'support', boolean>;
  supportScope: 'none' | 'isolated' | 'global';
};

export const PREFERENCES = ['general', 'product', 'domain', 'invoice', 'support'] as const;

export const emptyContact = (): ContactValues => ({
  kind: 'individual',
  firstName: '',
  lastName: '',
  companyName: '',
  taxId: '',
  email: '',
  phone: '',
  address: { line1: '', line2: '', city: '', region: '', postcode: '', country: '' },
  language: 'en',
  emailPreferences: { general: true, product: true, domain: true, invoice: false, support: true },
  supportScope: 'none',
});

export const contactValues = (c: Schemas['Contact']): ContactValues => ({
  kind: c.kind,
  firstName: c.firstName,
  lastName: c.lastName,
  companyName: c.companyName ?? '',
  taxId: c.taxId ?? '',
  email: c.email,
  phone: c.phone,
  address: {
    line1: c.address.line1,
    line2: c.address.line2 ?? '',
    city: c.address.city,
    region: c.address.region ?? '',
    postcode: c.address.postcode,
    country: c.address.country,
  },
  language: c.language,
  emailPreferences: { ...c.emailPreferences },
  supportScope: c.supportScope,
});

/** Empty optional text means "none": dropped from the address, null for the clearable fields. */
const clean = (key: string, value: unknown): unknown => {
  if (key === 'address') {
    return Object.fromEntries(Object.entries(value as object).filter(([, v]) => v !== ''));
  }
  if ((key === 'companyName' || key === 'taxId') && value === '') return null;
  return value;
};

/** The fields the person changed since `original`, among those the route takes. */
export const changedFields = (
  original: ContactValues,
  values: ContactValues,
  fields: readonly (keyof ContactValues)[]
): Record<string, unknown> =>
  Object.fromEntries(
    fields
      .filter((k) => JSON.stringify(original[k]) !== JSON.stringify(values[k]))
      .map((k) => [k, clean(k, values[k])])
  );

/** Every field the route takes, for a new contact (empty optional fields left out). */
export const newContactBody = (values: ContactValues, fields: readonly (keyof ContactValues)[]) =>
  Object.fromEntries(
    fields.map((k) => [k, clean(k, values[k])] as const).filter(([, v]) => v !== null && v !== '')
  );

export const ContactFields = ({
  form,
  fields,
}: {
  form: Form<ContactValues>;
  fields: readonly (keyof ContactValues)[];
}) => {
  const { t } = useI18n();
  const has = (k: keyof ContactValues) => fields.includes(k);
  return (
    <>
      {has('kind') ? (
        <SelectField
          form={form}
          name="kind"
          label={t('form.kind')}
          options={[
            { value: 'individual', label: t('form.kind.individual') },
            { value: 'organisation', label: t('form.kind.organisation') },
          ]}
        />
      ) : null}
      <TextField
        form={form}
        name="firstName"
        label={t('form.firstName')}
        autoComplete="given-name"
      />
      <TextField
        form={form}
        name="lastName"
        label={t('form.lastName')}
        autoComplete="family-name"
      />
      <TextField
        form={form}
        name="companyName"
        label={t('form.companyName')}
        autoComplete="organization"
      />
      {has('taxId') ? <TextField form={form} name="taxId" label={t('form.taxId')} /> : null}
      {has('email') ? (
        <TextField
          form={form}
          name="email"
          label={t('form.email')}
          type="email"
          autoComplete="email"
        />
      ) : null}
      <TextField form={form} name="phone" label={t('form.phone')} type="tel" autoComplete="tel" />
      <fieldset>
        <legend>{t('form.line1')}</legend>
        <TextField
          form={form}
          name="address.line1"
          label={t('form.line1')}
          autoComplete="address-line1"
        />
        <TextField
          form={form}
          name="address.line2"
          label={t('form.line2')}
          autoComplete="address-line2"
        />
        <TextField
          form={form}
          name="address.city"
          label={t('form.city')}
          autoComplete="address-level2"
        />
        <TextField
          form={form}
          name="address.region"
          label={t('form.region')}
          autoComplete="address-level1"
        />
        <TextField
          form={form}
          name="address.postcode"
          label={t('form.postcode')}
          autoComplete="postal-code"
        />
        <TextField
          form={form}
          name="address.country"
          label={t('form.country')}
          autoComplete="country"
        />
      </fieldset>
      <SelectField
        form={form}
        name="language"
        label={t('form.language')}
        options={[
          { value: 'en', label: 'English' },
          { value: 'es', label: 'Español' },
        ]}
      />
      {has('emailPreferences') ? (
        <fieldset>
          <legend>{t('form.prefs')}</legend>
          {PREFERENCES.map((p) => (
            <CheckField key={p} form={form} name={`emailPreferences.${p}`} label={t(`pref.${p}`)} />
          ))}
        </fieldset>
      ) : null}
      {has('supportScope') ? (
        <SelectField
          form={form}
          name="supportScope"
          label={t('form.supportScope')}
          options={(['none', 'isolated', 'global'] as const).map((s) => ({
            value: s,
            label: t(`scope.${s}`),
          }))}
        />
      ) : null}
    </>
  );
};
