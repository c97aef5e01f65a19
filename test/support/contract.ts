/**
 * Every answer the tests receive from the API is held to docs/openapi.json:
 * the status must be listed for the operation, the body must match the
 * schema listed for that status and media type, headers the document
 * marks required must be present, and the headers a client acts on (ETag,
 * Location, Retry-After...) are sent only where the document declares them. A response outside the contract fails the
 * test that received it, so the document stays true as the code changes.
 * Requests that name no operation (an unknown path, a CORS preflight) have
 * no contract to check.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
  headers?: Record<string, { required?: boolean }>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, ResponseObject>;
}
type PathItem = Record<string, Operation>;

const DOCUMENT_ID = 'portico-openapi';
const document = JSON.parse(
  readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')
) as { paths: Record<string, PathItem> };

// The document is added whole, so `#/components/...` references resolve inside it.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ ...document, $id: DOCUMENT_ID });

const escapePointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

const templates = Object.keys(document.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** The operation a request names, if any: concrete paths win over templated ones. */
const operationOf = (method: string, path: string) => {
  const bare = path.split('?')[0] ?? path;
  const matches = templates
    .filter(({ pattern }) => pattern.test(bare))
    .sort(
      (a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0)
    );
  for (const { template } of matches) {
    const operation = document.paths[template]?.[method.toLowerCase()];
    if (operation?.responses) return { template, operation };
  }
  return undefined;
};

/**
 * Each checked response is one line of the run's tally file (the global
 * setup names it and prints the totals at the end): every test worker is a
 * process of its own.
 */
const tally = (line: string) => {
  const file = process.env.PORTICO_CONTRACT_TALLY;
  if (file) appendFileSync(file, `${line}\n`);
};

/** Headers a client acts on: sent only where the document declares them. */
const HEADERS_DECLARED_WHEN_SENT = [
  'etag',
  'location',
  'content-location',
  'idempotent-replayed',
  'retry-after',
];

const validators = new Map<string, ReturnType<typeof ajv.getSchema>>();

const validatorFor = (pointer: string) => {
  if (!validators.has(pointer))
    validators.set(pointer, ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` }));
  return validators.get(pointer);
};

export interface ContractedResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** The ways `response` leaves the contract of `method path` (none: it keeps it). */
export const contractViolations = (
  method: string,
  path: string,
  response: ContractedResponse
): string[] => {
  const found = operationOf(method, path);
  if (!found) return [];
  const { template, operation } = found;
  const name = `${method.toUpperCase()} ${template}`;
  const status = String(response.status);
  const declared = operation.responses[status] ?? operation.responses.default;
  if (!declared) {
    return [`${name} answered ${status}, which the document does not list for it`];
  }
  const problems: string[] = [];
  for (const [header, spec] of Object.entries(declared.headers ?? {})) {
    if (spec.required && !response.headers.has(header)) {
      problems.push(`${name} ${status} lacks the required header ${header}`);
    }
  }
  const declaredNames = Object.keys(declared.headers ?? {}).map((header) => header.toLowerCase());
  for (const header of HEADERS_DECLARED_WHEN_SENT) {
    if (response.headers.has(header) && !declaredNames.includes(header)) {
      problems.push(`${name} ${status} sends ${header}, which the document does not declare`);
    }
  }
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (!response.text) {
    if (declared.content && Object.keys(declared.content).length > 0) {
      problems.push(`${name} ${status} has no body, but the document lists one`);
    }
    return problems;
  }
  const content = declared.content?.[mediaType];
  if (!content) {
    problems.push(
      `${name} ${status} answered ${mediaType || 'no content type'}, which the document does not list`
    );
    return problems;
  }
  if (content.schema === undefined) return problems;
  const key = operation.responses[status] ? status : 'default';
  const pointer = [
    'paths',
    template,
    method.toLowerCase(),
    'responses',
    key,
    'content',
    mediaType,
    'schema',
  ]
    .map(escapePointer)
    .join('/');
  const validate = validatorFor(`/${pointer}`);
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return [...problems, `${name} ${status} sent a body that is not JSON`];
  }
  if (validate && !validate(body)) {
    for (const error of validate.errors ?? []) {
      problems.push(
        `${name} ${status} body${error.instancePath} ${error.message ?? 'does not match'}`
      );
    }
  }
  return problems;
};

/** As contractViolations, counting the response in the run's tally when it names an operation. */
export const checkAgainstContract = (
  method: string,
  path: string,
  response: ContractedResponse
): string[] => {
  const found = operationOf(method, path);
  if (found) tally(`${method.toUpperCase()} ${found.template} ${response.status}`);
  return contractViolations(method, path, response);
};
