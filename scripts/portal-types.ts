/**
 * `npm run portal:types`: writes portal/src/api/schema.ts, the TypeScript
 * view of docs/openapi.json that openapi-fetch types the portal's calls
 * with (`paths`, `components`). `--check` fails when the file is stale.
 *
 * openapi-typescript needs the TypeScript 5 compiler API, which the
 * project's TypeScript 7 does not ship, so the document is printed here:
 * it uses a small part of JSON Schema (refs, objects, arrays, enums,
 * const, anyOf/oneOf/allOf, records), and anything else fails loudly.
 */
import { readFile, writeFile } from 'node:fs/promises';

type Schema = Record<string, unknown>;
type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<
    string,
    {
      headers?: Record<string, { required?: boolean; schema: Schema }>;
      content?: Record<string, { schema: Schema }>;
    }
  >;
};

const DOCUMENT = new URL('../docs/openapi.json', import.meta.url);
const OUTPUT = new URL('../portal/src/api/schema.ts', import.meta.url);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const KNOWN = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'allOf',
  '$ref',
  'propertyNames',
]);

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

const union = (parts: string[]) =>
  parts.length === 1 ? (parts[0] ?? 'never') : `(${parts.join(' | ')})`;

export const typeOf = (schema: Schema | boolean | undefined, indent = ''): string => {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  // A schema without any of these keywords (`{}`, or only a description) allows anything.
  if (!Object.keys(schema).some((k) => KNOWN.has(k))) return 'unknown';
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return `components['schemas'][${JSON.stringify(name)}]`;
  }
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return union(schema.enum.map((v) => JSON.stringify(v)));
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    const options = schema[combinator];
    if (Array.isArray(options)) return union(options.map((s: Schema) => typeOf(s, indent)));
  }
  if (Array.isArray(schema.allOf)) {
    const rest = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'allOf'));
    const parts = (schema.allOf as Schema[]).map((s) => typeOf(s, indent));
    if (Object.keys(rest).some((k) => KNOWN.has(k))) parts.push(typeOf(rest, indent));
    return `(${parts.join(' & ')})`;
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return union(types.map((t) => single(String(t), schema, indent)));
};

const single = (type: string, schema: Schema, indent: string): string => {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `${typeOf(schema.items as Schema, indent)}[]`;
    case 'object':
      return objectType(schema, indent);
    default:
      throw new Error(
        `unsupported schema type '${type}' in ${JSON.stringify(schema).slice(0, 200)}`
      );
  }
};

const objectType = (schema: Schema, indent: string): string => {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const inner = `${indent}  `;
  const lines = Object.entries(properties).map(
    ([name, s]) => `${inner}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(s, inner)};`
  );
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false) {
    const keyType = schema.propertyNames ? typeOf(schema.propertyNames as Schema, inner) : 'string';
    const record = `Partial<Record<${keyType}, ${typeOf(extra as Schema, inner)}>>`;
    return lines.length ? `({\n${lines.join('\n')}\n${indent}} & ${record})` : record;
  }
  if (!lines.length && schema.properties === undefined && extra === undefined) {
    return 'Record<string, unknown>';
  }
  return `{\n${lines.join('\n')}\n${indent}}`;
};

const parameters = (operation: Operation, indent: string): string => {
  const groups = new Map<string, string[]>();
  for (const p of operation.parameters ?? []) {
    const line = `${indent}    ${key(p.name)}${p.required ? '' : '?'}: ${typeOf(p.schema, `${indent}    `)};`;
    groups.set(p.in, [...(groups.get(p.in) ?? []), line]);
  }
  const group = (place: string) => {
    const lines = groups.get(place);
    if (!lines) return `${indent}  ${place}?: never;`;
    const optional = (operation.parameters ?? []).every((p) => p.in !== place || !p.required);
    return `${indent}  ${place}${optional ? '?' : ''}: {\n${lines.join('\n')}\n${indent}  };`;
  };
  return `{\n${['query', 'header', 'path', 'cookie'].map(group).join('\n')}\n${indent}}`;
};

const content = (media: Record<string, { schema: Schema }> | undefined, indent: string) => {
  if (!media) return 'never';
  const lines = Object.entries(media).map(
    ([type, m]) => `${indent}  ${JSON.stringify(type)}: ${typeOf(m.schema, `${indent}  `)};`
  );
  return `{\n${lines.join('\n')}\n${indent}}`;
};

const operationType = (operation: Operation, indent: string): string => {
  const body = operation.requestBody
    ? `${indent}  requestBody${operation.requestBody.required ? '' : '?'}: { content: ${content(operation.requestBody.content, `${indent}  `)} };`
    : `${indent}  requestBody?: never;`;
  const responses = Object.entries(operation.responses).map(([status, r]) => {
    const headerLines = Object.entries(r.headers ?? {}).map(
      ([name, h]) => `${indent}      ${key(name)}${h.required ? '' : '?'}: ${typeOf(h.schema)};`
    );
    const headers = `{\n${[...headerLines, `${indent}      [name: string]: unknown;`].join('\n')}\n${indent}    }`;
    return `${indent}    ${status}: {\n${indent}    headers: ${headers};\n${indent}    content: ${content(r.content, `${indent}    `)};\n${indent}    };`;
  });
  return [
    '{',
    `${indent}  parameters: ${parameters(operation, `${indent}  `)};`,
    body,
    `${indent}  responses: {\n${responses.join('\n')}\n${indent}  };`,
    `${indent}}`,
  ].join('\n');
};

export const renderSchemaModule = (document: {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Schema> };
}): string => {
  const paths = Object.entries(document.paths).map(([path, item]) => {
    const methods = METHODS.map((m) => {
      const op = item[m] as Operation | undefined;
      return op ? `    ${m}: ${operationType(op, '    ')};` : `    ${m}?: never;`;
    });
    return `  ${JSON.stringify(path)}: {\n${methods.join('\n')}\n  };`;
  });
  const schemas = Object.entries(document.components.schemas).map(
    ([name, s]) => `    ${key(name)}: ${typeOf(s, '    ')};`
  );
  return [
    '// Generated from docs/openapi.json by `npm run portal:types`; do not edit.',
    `export interface paths {\n${paths.join('\n')}\n}`,
    `export interface components {\n  schemas: {\n${schemas.join('\n')}\n  };\n}`,
    '',
  ].join('\n');
};

const main = async () => {
  const document = JSON.parse(await readFile(DOCUMENT, 'utf8'));
  const text = renderSchemaModule(document);
  if (process.argv.includes('--check')) {
    const current = await readFile(OUTPUT, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('portal/src/api/schema.ts is stale: run npm run portal:types');
      process.exit(1);
    }
    return;
  }
  await writeFile(OUTPUT, text);
  console.log('wrote portal/src/api/schema.ts');
};

if (import.meta.url === `file://${process.argv[1]}`) await main();
