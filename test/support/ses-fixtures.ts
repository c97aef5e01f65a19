/**
 * The real SES feedback samples of the shared fixtures folder (never copied
 * into the repository). Tests that use them skip, saying so, when the folder
 * is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SES_EVENTS_DIR = fileURLToPath(
  new URL('../../../shared/fixtures/ses-events/', import.meta.url)
);

export const hasSesFixtures = existsSync(SES_EVENTS_DIR);

if (!hasSesFixtures)
  console.warn(`SES feedback fixtures not found at ${SES_EVENTS_DIR}: the cases using them skip.`);

/** The JSON files of a fixture folder (`sending`, `aws-docs`), name → text. */
export const sesFixtures = (folder: string): [string, string][] => {
  const dir = `${SES_EVENTS_DIR}${folder}/`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, readFileSync(`${dir}${name}`, 'utf8')]);
};

export const sesFixture = (folder: string, name: string) =>
  readFileSync(`${SES_EVENTS_DIR}${folder}/${name}`, 'utf8');
