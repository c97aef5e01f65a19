/**
 * While `npm start` runs, the demo staff login's sign-in details (its TOTP
 * secret is new on every start) sit in a file only this user may read, so
 * local tools such as `npm run import` sign in with no flags. Removed when
 * the stack stops; never used for anything but the local stack.
 */
import { rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DemoStaffSignIn {
  username: string;
  password: string;
  totpSecret: string;
}

/** One file per API port, so two local stacks do not mix up their logins. */
export const demoStaffSignInFile = (apiPort: number) =>
  join(tmpdir(), `portico-demo-staff-${apiPort}.json`);

export const writeDemoStaffSignIn = async (apiPort: number, signIn: DemoStaffSignIn) => {
  const file = demoStaffSignInFile(apiPort);
  await writeFile(file, `${JSON.stringify(signIn)}\n`, { mode: 0o600 });
  process.once('exit', () => rmSync(file, { force: true }));
};

export const readDemoStaffSignIn = async (
  apiPort: number
): Promise<DemoStaffSignIn | undefined> => {
  try {
    return JSON.parse(await readFile(demoStaffSignInFile(apiPort), 'utf8')) as DemoStaffSignIn;
  } catch {
    return undefined;
  }
};
