/** `npm run openapi`: writes docs/openapi.json from the route table, docs/errors.md from the problem catalogue. */
import { writeFileSync } from 'node:fs';
import { renderErrorsDocument } from './errors-doc.ts';
import { renderOpenApiDocument } from './openapi.ts';

for (const [target, text] of [
  [new URL('../docs/openapi.json', import.meta.url), await renderOpenApiDocument()],
  [new URL('../docs/errors.md', import.meta.url), renderErrorsDocument()],
] as const) {
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
