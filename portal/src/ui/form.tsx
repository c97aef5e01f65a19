/**
 * Form state with the API's field errors shown at their field: `errors[]`
 * of a problem are keyed by their JSON path (`address.postcode`) and worded
 * from their `code`, never from the English `message`.
 */
import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';
import { ApiProblem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';

type Values = Record<string, unknown>;

const read = (values: Values, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Values | undefined)?.[k], values);

const write = (values: Values, path: string, value: unknown): Values => {
  const [head = '', ...rest] = path.split('.');
  if (!rest.length) return { ...values, [head]: value };
  return { ...values, [head]: write((values[head] ?? {}) as Values, rest.join('.'), value) };
};

export interface Form<T extends Values> {
  values: T;
  errors: Record<string, string>;
  failure?: unknown;
  busy: boolean;
  done: boolean;
  get(path: string): unknown;
  set(path: string, value: unknown): void;
  reset(values: T): void;
  submit(action: (values: T) => Promise<void>): (event?: Event) => Promise<void>;
}

export const useForm = <T extends Values>(initial: T): Form<T> => {
  const { field } = useI18n();
  const [values, setValues] = useState<T>(initial);
  const [state, setState] = useState<{
    errors: Record<string, string>;
    failure?: unknown;
    busy: boolean;
    done: boolean;
  }>({ errors: {}, busy: false, done: false });
  return {
    values,
    ...state,
    get: (path) => read(values, path),
    set: (path, value) => setValues((v) => write(v, path, value) as T),
    reset: (next) => {
      setValues(next);
      setState({ errors: {}, busy: false, done: false });
    },
    submit: (action) => async (event) => {
      event?.preventDefault();
      setState({ errors: {}, busy: true, done: false });
      try {
        await action(values);
        setState({ errors: {}, busy: false, done: true });
      } catch (error) {
        const errors: Record<string, string> = {};
        if (error instanceof ApiProblem) {
          for (const e of error.problem.errors ?? []) {
            errors[e.field] ??= field(e.code, { ...e, allowed: e.allowed?.join(', ') });
          }
        }
        setState({ errors, failure: error, busy: false, done: false });
      }
    },
  };
};

/** Preact pairs each input `type` with its own attributes; these four take the same ones. */
const inputProps = (common: object, type = 'text', autocomplete?: string) =>
  ({ ...common, type, autocomplete }) as unknown as InputHTMLAttributes<HTMLInputElement>;

const idOf = (name: string) => `f-${name.replace(/[^\w-]/g, '-')}`;

const ErrorText = ({ id, text }: { id: string; text?: string }) =>
  text ? (
    <span id={`${id}-error`} class="field-error" data-testid={`${id}-error`}>
      {text}
    </span>
  ) : null;

export const TextField = <T extends Values>(props: {
  form: Form<T>;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel';
  autoComplete?: string;
  multiline?: boolean;
}) => {
  const { form, name, label } = props;
  const id = idOf(name);
  const error = form.errors[name];
  const common = {
    id,
    name,
    value: String(form.get(name) ?? ''),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onInput: (e: Event) => form.set(name, (e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {props.multiline ? (
        <textarea {...common} rows={5} />
      ) : (
        <input {...inputProps(common, props.type, props.autoComplete)} />
      )}
      <ErrorText id={id} text={error} />
    </div>
  );
};

export const CheckField = <T extends Values>(props: {
  form: Form<T>;
  name: string;
  label: string;
}) => {
  const id = idOf(props.name);
  return (
    <div class="check">
      <input
        id={id}
        type="checkbox"
        checked={props.form.get(props.name) === true}
        onChange={(e) => props.form.set(props.name, (e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{props.label}</label>
      <ErrorText id={id} text={props.form.errors[props.name]} />
    </div>
  );
};

export const SelectField = <T extends Values>(props: {
  form: Form<T>;
  name: string;
  label: string;
  options: { value: string; label: string }[];
}) => {
  const id = idOf(props.name);
  const error = props.form.errors[props.name];
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={String(props.form.get(props.name) ?? '')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => props.form.set(props.name, (e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} text={error} />
    </div>
  );
};

/** The form's own failure (not tied to a field) and its success line. */
export const FormStatus = <T extends Values>({
  form,
  children,
}: {
  form: Form<T>;
  children?: ComponentChildren;
}) => {
  const { t, failure } = useI18n();
  if (form.done) return <p role="status">{t('form.saved')}</p>;
  if (!form.failure) return null;
  return (
    <div
      role="alert"
      class="error"
      data-problem={form.failure instanceof ApiProblem ? form.failure.code : ''}
    >
      {Object.keys(form.errors).length ? t('field.error') : failure(form.failure)}
      {children}
    </div>
  );
};
