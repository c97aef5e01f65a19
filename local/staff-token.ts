/**
 * Signs a staff login in against cognito-local (password, then the TOTP
 * code) and prints its access token; with `--code`, prints only the current
 * TOTP code, for a staff console that asks for it. `npm start` prints the
 * full command line.
 *
 *   npx tsx local/staff-token.ts --endpoint <cognito> --client-id <staff client>
 *     --username <name> --password <password> --totp-secret <base32> [--code]
 */
import { parseArgs } from 'node:util';
import { createCognitoClient } from '../scripts/local-stack/clients.ts';
import { LOCAL_REGION } from '../scripts/local-stack/env.ts';
import { signInStaff } from '../scripts/local-stack/staff-logins.ts';
import { totpCode } from '../scripts/local-stack/totp.ts';

const { values } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    'client-id': { type: 'string' },
    username: { type: 'string' },
    password: { type: 'string' },
    'totp-secret': { type: 'string' },
    code: { type: 'boolean' },
  },
  strict: true,
});

const required = (name: keyof typeof values): string => {
  const value = values[name];
  if (typeof value !== 'string' || !value) {
    console.error(`staff-token: --${name} is required (npm start prints the full command)`);
    process.exit(2);
  }
  return value;
};

const secret = required('totp-secret');
if (values.code) {
  console.log(totpCode(secret));
} else {
  const cognito = createCognitoClient({
    region: LOCAL_REGION,
    cognitoEndpoint: required('endpoint'),
  });
  try {
    const tokens = await signInStaff(cognito, required('client-id'), {
      username: required('username'),
      password: required('password'),
      totpSecret: secret,
    });
    console.log(tokens.AccessToken);
  } catch (error) {
    console.error(`staff-token: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    cognito.destroy();
  }
}
