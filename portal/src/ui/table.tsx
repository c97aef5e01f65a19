import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { Failure } from './failure.tsx';

export interface Column<T> {
  label: string;
  cell(row: T): ComponentChildren;
}

type Page<T> = { items: T[]; cursor: string | null };

/**
 * A list the API pages with `{ items, cursor }`: the first page, then
 * "Show more" while the cursor is not null.
 */
export const PagedTable = <T,>(props: {
  caption: string;
  load: (cursor?: string) => Promise<{ data: Page<T> }>;
  columns: Column<T>[];
  accountId?: string;
  deps?: unknown[];
}) => {
  const { t } = useI18n();
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [loaded, setLoaded] = useState(false);
  const more = async (from?: string) => {
    try {
      const { data } = await props.load(from);
      setRows((r) => (from ? [...r, ...data.items] : data.items));
      setCursor(data.cursor);
    } catch (e) {
      setError(e);
    }
    setLoaded(true);
  };
  useEffect(() => {
    setError(undefined);
    void more();
  }, props.deps ?? []);
  if (error) return <Failure error={error} accountId={props.accountId} />;
  if (!loaded) return <p>{t('app.loading')}</p>;
  return (
    <>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {props.columns.map((c) => (
                <td key={c.label}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p>{t('list.empty')}</p> : null}
      {cursor ? (
        <button type="button" onClick={() => void more(cursor)}>
          {t('list.more')}
        </button>
      ) : null}
    </>
  );
};
