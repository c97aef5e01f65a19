/**
 * Loads a contact, sends the changed fields with `If-Match`, and on a 412
 * offers to reload and reapply: the fresh version becomes the base and the
 * person's own changes are laid over it, ready to save again.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, type Schemas } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import {
  ContactFields,
  type ContactValues,
  changedFields,
  contactValues,
  emptyContact,
} from './contact-form.tsx';
import { Failure } from './failure.tsx';
import { FormStatus, useForm } from './form.tsx';

export interface Loaded {
  contact: Schemas['Contact'];
  etag?: string;
}

export const ContactEditor = (props: {
  title: string;
  accountId: string;
  fields: readonly (keyof ContactValues)[];
  load: () => Promise<Loaded>;
  save: (patch: Record<string, unknown>, etag?: string) => Promise<Loaded>;
  children?: (contact: Schemas['Contact'], reload: () => Promise<void>) => ComponentChildren;
}) => {
  const { t } = useI18n();
  const form = useForm<ContactValues>(emptyContact());
  const [base, setBase] = useState<{ values: ContactValues; loaded: Loaded }>();
  const [error, setError] = useState<unknown>();

  const adopt = (loaded: Loaded, keepEdits: boolean) => {
    const fresh = contactValues(loaded.contact);
    const mine = keepEdits && base ? changedFields(base.values, form.values, props.fields) : {};
    const raw = Object.fromEntries(
      Object.keys(mine).map((k) => [k, form.values[k as keyof ContactValues]])
    );
    form.reset({ ...fresh, ...raw });
    setBase({ values: fresh, loaded });
  };
  const reload = async (keepEdits = false) => {
    try {
      adopt(await props.load(), keepEdits);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    void reload();
  }, []);

  if (error) return <Failure error={error} accountId={props.accountId} />;
  if (!base) return <p>{t('app.loading')}</p>;
  const stale = form.failure instanceof ApiProblem && form.failure.problem.status === 412;
  const submit = form.submit(async (values) => {
    const patch = changedFields(base.values, values, props.fields);
    const saved = await props.save(patch, base.loaded.etag);
    setBase({ values: contactValues(saved.contact), loaded: saved });
  });
  return (
    <section>
      <h1>{props.title}</h1>
      <form onSubmit={submit} data-testid="contact-form">
        <ContactFields form={form} fields={props.fields} />
        <FormStatus form={form}>
          {stale ? (
            <p>
              <button type="button" data-testid="reapply" onClick={() => void reload(true)}>
                {t('stale.reload')}
              </button>
            </p>
          ) : null}
        </FormStatus>
        <button type="submit" disabled={form.busy}>
          {t('form.save')}
        </button>
      </form>
      {props.children?.(base.loaded.contact, () => reload())}
    </section>
  );
};
