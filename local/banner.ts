/** What `npm start` prints once everything is up. */

import type { LocalStackInfo } from '../scripts/local-stack/env.ts';
import { otpauthUri } from '../scripts/local-stack/totp.ts';

export interface DemoLoginLine {
  email: string;
  role: string;
  account: string;
}

/** Single-quotes a value for sh/bash, whatever characters it holds. */
export const shellQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/** A copy-paste command that logs in against cognito-local and prints the access token. */
export const tokenCommand = (stack: LocalStackInfo, email: string, password: string): string => {
  const payload = JSON.stringify({
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.userPoolClientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return [
    `curl -s -X POST ${stack.cognitoEndpoint}/ \\`,
    `  -H 'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth' \\`,
    `  -H 'Content-Type: application/x-amz-json-1.1' \\`,
    `  -d ${shellQuote(payload)} \\`,
    `  | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).AuthenticationResult.AccessToken'`,
  ].join('\n');
};

/**
 * Copy-paste commands for a forgotten password: ask cognito-local for a
 * code, which reaches the SES emulator as Cognito's mail would reach the
 * person, then read it there.
 */
export const resetCodeCommands = (stack: LocalStackInfo, email: string): string[] => [
  `curl -s -X POST ${stack.cognitoEndpoint}/ \\`,
  `  -H 'X-Amz-Target: AWSCognitoIdentityProviderService.ForgotPassword' \\`,
  `  -H 'Content-Type: application/x-amz-json-1.1' \\`,
  `  -d ${shellQuote(JSON.stringify({ ClientId: stack.userPoolClientId, Username: email }))}`,
  `curl -s ${stack.sesEndpoint}/store    # the last mail holds the code`,
];

export interface DemoStaffLine {
  username: string;
  name: string;
  totpSecret: string;
}

/** A copy-paste command that signs a staff login in (password, then TOTP) and prints the access token. */
export const staffTokenCommand = (
  stack: LocalStackInfo,
  staff: DemoStaffLine,
  password: string
): string =>
  [
    'npx tsx local/staff-token.ts \\',
    `  --endpoint ${stack.cognitoEndpoint} --client-id ${stack.staffUserPoolClientId} \\`,
    `  --username ${shellQuote(staff.username)} --password ${shellQuote(password)} \\`,
    `  --totp-secret ${staff.totpSecret}`,
  ].join('\n');

const indentCommand = (command: string, prefix: string): string =>
  command
    .split('\n')
    .map((line, i) => `    ${i === 0 ? prefix : '  '}${line}`)
    .join('\n');

const staffLines = (
  apiUrl: string,
  stack: LocalStackInfo,
  staff: DemoStaffLine,
  password: string
) => [
  '',
  `  Staff login (staff pool, /staff/* routes only), password ${password}, TOTP required`,
  `    ${staff.username}  ${staff.name}`,
  `    TOTP secret ${staff.totpSecret} (new on every start); for an authenticator app:`,
  `    ${otpauthUri(staff.totpSecret, staff.username)}`,
  '  Sign in (password, then the TOTP code) and call a staff route:',
  `${indentCommand(staffTokenCommand(stack, staff, password), 'STAFF_TOKEN=$(')})`,
  `    curl -H "Authorization: Bearer $STAFF_TOKEN" ${apiUrl}/staff/me`,
  '  The current code alone (for a staff console): the same command with --code.',
];

const table = (rows: string[][], indent: string): string[] => {
  const widths = rows.reduce<number[]>(
    (acc, row) => row.map((cell, i) => Math.max(acc[i] ?? 0, cell.length)),
    []
  );
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()
  );
};

export const renderBanner = (options: {
  apiUrl: string;
  /** The client area `npm start` serves (portal/dist). */
  portalUrl?: string;
  stack: LocalStackInfo;
  logins: DemoLoginLine[];
  staff?: DemoStaffLine;
  password: string;
  persistDir?: string;
  /** Where the SMTP ingress listens (mail to support), `host:port`. */
  smtp?: string;
}): string => {
  const { apiUrl, stack, logins, staff, password } = options;
  const example = logins[0]?.email ?? 'someone@example.com';
  const indentedToken = indentCommand(tokenCommand(stack, example, password), 'TOKEN=$(');
  return [
    '',
    `Portico local stack is up (${options.persistDir ? `data kept in ${options.persistDir}` : 'data in memory; --persist keeps it'})`,
    '',
    ...(options.portalUrl
      ? [`  Portal   ${options.portalUrl}   (client area; staff console at /staff)`]
      : []),
    `  API      ${apiUrl}`,
    `  try      curl ${apiUrl}/config`,
    '',
    `  Demo logins, password ${password}`,
    ...table(
      logins.map((l) => [l.email, l.role, l.account]),
      '    '
    ),
    ...(logins.length === 0 ? ['    (none: the seed created no logins)'] : []),
    '',
    '  Get an access token from cognito-local and call the API with it:',
    `${indentedToken})`,
    `    curl -H "Authorization: Bearer $TOKEN" ${apiUrl}/me`,
    '',
    '  A forgotten password: the code arrives in the local mailbox (then ConfirmForgotPassword):',
    ...resetCodeCommands(stack, example).map((line) => `    ${line}`),
    ...(staff ? staffLines(apiUrl, stack, staff, password) : []),
    ...(options.smtp
      ? [
          '',
          `  Mail to support: SMTP on ${options.smtp} (no TLS, no login), e.g. from a demo address:`,
          `    curl smtp://${options.smtp} --mail-from ${example} --mail-rcpt support@portico.example --upload-file mail.eml`,
        ]
      : []),
    '',
    '  Emulators',
    ...table(
      [
        ['DynamoDB Local', stack.dynamodbEndpoint, `table ${stack.tableName}`],
        [
          'cognito-local',
          stack.cognitoEndpoint,
          `pool ${stack.userPoolId}, app client ${stack.userPoolClientId}`,
        ],
        ['', '', `staff pool ${stack.staffUserPoolId}, app client ${stack.staffUserPoolClientId}`],
        ['SES emulator', stack.sesEndpoint, `sent mail: ${stack.sesEndpoint}/ (JSON: /store)`],
        [
          'S3 emulator',
          stack.s3Endpoint,
          `buckets ${stack.invoiceBucket}, ${stack.mailBucket} (presigned links only)`,
        ],
      ],
      '    '
    ),
    '',
    '  Stop with Ctrl-C.',
    '',
  ].join('\n');
};
