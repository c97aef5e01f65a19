/** `npm run openapi`: writes docs/openapi.json from the route table. */
import { writeFileSync } from 'node:fs';
import { renderOpenApiDocument } from './openapi.ts';

const target = new URL('../docs/openapi.json', import.meta.url);
writeFileSync(target, await renderOpenApiDocument());
console.log(`wrote ${target.pathname}`);
