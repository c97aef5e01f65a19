/**
 * `npm start`: the emulators, the demo data and the local gateway on fixed
 * ports. Options: `--persist` keeps data in .local-data/, `--verbose` shows
 * the emulators' own output. Environment: PORT (3000), DYNAMODB_PORT (8000),
 * COGNITO_PORT (9229), SES_PORT (8005), S3_PORT (4568), SMTP_PORT (2525),
 * PORTAL_PORT (5173), PORTICO_DEMO_PASSWORD.
 *
 * Handlers and the seed read their configuration when imported, so they are
 * imported dynamically, after applyLocalStackEnv.
 */
import { parseArgs } from 'node:util';
import { passwordPolicyProblems } from '#core/access/passwords';
import { ENV } from '#core/platform/config';
import { buildPortal } from '../lib/portal-build.ts';
import { createCognitoClient } from '../scripts/local-stack/clients.ts';
import { writeDemoStaffSignIn } from '../scripts/local-stack/demo-staff-sign-in.ts';
import { applyLocalStackEnv } from '../scripts/local-stack/env.ts';
import { writeRunningStack } from '../scripts/local-stack/running-stack.ts';
import { renderBanner } from './banner.ts';
import { describeFailure, LocalStackError } from './errors.ts';
import { SMTP_PORT } from './mail-ingress.ts';
import { startPortalServer } from './portal-server.ts';
import { assertPortFree, LOCAL_HOST } from './ports.ts';
import { checkJava } from './processes.ts';
import type { DemoLogin, DemoStaffLogin } from './seed.ts';
import {
  EMULATOR_PORTS,
  type EmulatorName,
  type LocalStack,
  resolvePort,
  startLocalStack,
} from './stack.ts';

const PERSIST_DIR = '.local-data';
const DEFAULT_PORT = 3000;
const DEFAULT_PORTAL_PORT = 5173;
const DEFAULT_DEMO_PASSWORD = 'Portico-Demo-2026!';

const portFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LocalStackError(`${name} must be a port number between 1 and 65535, not '${raw}'`);
  }
  return port;
};

const parseFlags = () => {
  try {
    return parseArgs({
      options: { persist: { type: 'boolean' }, verbose: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new LocalStackError(
      `${(error as Error).message}; usage: npm start [-- --persist] [--verbose]`
    );
  }
};

const readOptions = () => {
  const flags = parseFlags();
  const password = process.env.PORTICO_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  const problems = passwordPolicyProblems(password);
  if (problems.length) {
    throw new LocalStackError(
      `PORTICO_DEMO_PASSWORD does not meet the pool's password policy; it needs ${problems.join(', ')}`
    );
  }
  const emulatorPorts = Object.fromEntries(
    (Object.keys(EMULATOR_PORTS) as EmulatorName[]).map((name) => [
      name,
      portFromEnv(EMULATOR_PORTS[name].env, EMULATOR_PORTS[name].default),
    ])
  ) as Record<EmulatorName, number>;
  return {
    persist: flags.persist === true,
    verbose: flags.verbose === true,
    port: portFromEnv('PORT', DEFAULT_PORT),
    portalPort: portFromEnv('PORTAL_PORT', DEFAULT_PORTAL_PORT),
    emulatorPorts,
    password,
  };
};

let stack: LocalStack | undefined;
let closeGateway: (() => Promise<void>) | undefined;
let closePortal: (() => Promise<void>) | undefined;
let stopWorkers: (() => Promise<void>) | undefined;
let closeIngress: (() => Promise<void>) | undefined;
let stopping = false;

const shutdown = async (exitCode: number) => {
  if (stopping) {
    // A second Ctrl-C: leave now; the 'exit' hook still SIGKILLs the emulators.
    process.exit(exitCode || 1);
  }
  stopping = true;
  console.log('\nportico: stopping…');
  await closePortal?.().catch(() => undefined);
  await closeGateway?.().catch(() => undefined);
  await closeIngress?.().catch(() => undefined);
  await stopWorkers?.().catch(() => undefined);
  await stack?.stop().catch(() => undefined);
  process.exit(exitCode);
};

const main = async () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => void shutdown(0));
  }
  // The Lambda runtime is Node 22; the SDK's notice about this Node version is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  const options = readOptions();
  const java = checkJava();
  // Every port is checked before anything starts, so a clash costs nothing.
  await assertPortFree(options.port, { what: 'the API', hint: 'PORT' });
  const smtpPort = portFromEnv(SMTP_PORT.env, SMTP_PORT.default);
  await assertPortFree(smtpPort, { what: SMTP_PORT.what, hint: SMTP_PORT.env });
  await assertPortFree(options.portalPort, { what: 'the portal', hint: 'PORTAL_PORT' });
  for (const name of Object.keys(EMULATOR_PORTS) as EmulatorName[]) {
    await resolvePort(name, options.emulatorPorts[name]);
  }

  console.log(`portico: starting the local stack (${java})`);
  stack = await startLocalStack({
    ports: options.emulatorPorts,
    persistDir: options.persist ? PERSIST_DIR : undefined,
    verbose: options.verbose,
    log: (line) => console.log(`portico: ${line}`),
  });
  // Links in local mail (unsubscribe) point at this gateway.
  process.env[ENV.publicApiUrl] ||= `http://localhost:${options.port}/`;
  applyLocalStackEnv(stack);

  const { seedDemoData, seedDemoStaff } = await import('./seed.ts');
  const cognito = createCognitoClient(stack);
  let seeded: [DemoLogin[], DemoStaffLogin];
  try {
    seeded = [
      await seedDemoData({ cognito, userPoolId: stack.userPoolId, password: options.password }),
      await seedDemoStaff(cognito, stack, options.password),
    ];
  } finally {
    cognito.destroy();
  }
  const [logins, staff] = seeded;

  // Stream consumers (outbox → mail, ticket events → deliveries), polling DynamoDB Local's stream as Lambda's event source would.
  const { startWorkers } = await import('./workers.ts');
  const workers = await startWorkers(stack, (line) => console.log(`portico: ${line}`));
  stopWorkers = workers.stop;

  // Mail to support: SMTP in, the inbound function's handler as SES's receipt rule would call it.
  const { startMailIngress } = await import('./mail-ingress.ts');
  const ingress = await startMailIngress(smtpPort, (line) => console.log(`portico: ${line}`));
  closeIngress = ingress.stop;

  const { startGateway } = await import('./gateway.ts');
  const gateway = await startGateway({
    port: options.port,
    stack,
    log: (line) => console.log(`portico: ${line}`),
  });
  closeGateway = gateway.close;
  // `npm run import` signs in as the demo staff login with these, no flags needed.
  await writeDemoStaffSignIn(options.port, {
    username: staff.username,
    password: options.password,
    totpSecret: staff.totpSecret,
  });
  // `npm run staff` manages staff logins of this stack with no flags.
  await writeRunningStack(options.port, stack);
  for (const failure of await gateway.preload()) {
    console.error(
      `portico: warning: functions/${failure.fn}/handler.ts cannot be loaded; its routes will answer 500: ${String(failure.error)}`
    );
  }

  console.log('portico: building the portal (portal/dist)');
  await buildPortal();
  const portal = await startPortalServer({ port: options.portalPort, apiUrl: gateway.url });
  closePortal = portal.close;

  console.log(
    renderBanner({
      apiUrl: gateway.url,
      portalUrl: portal.url,
      stack,
      logins,
      staff,
      password: options.password,
      persistDir: options.persist ? PERSIST_DIR : undefined,
      smtp: `${LOCAL_HOST}:${ingress.port}`,
    })
  );
};

main().catch(async (error: unknown) => {
  console.error(describeFailure(error));
  await closePortal?.().catch(() => undefined);
  await closeGateway?.().catch(() => undefined);
  await closeIngress?.().catch(() => undefined);
  await stopWorkers?.().catch(() => undefined);
  await stack?.stop().catch(() => undefined);
  process.exit(1);
});
