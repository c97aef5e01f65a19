/** The IAM review: no Scan anywhere, and the Cognito and SES actions match docs/deploy.md. */
import { readFileSync } from 'node:fs';
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthPortico } from './app.ts';

const { apiTemplate, statefulTemplate } = synthPortico('prod');
const templates = [apiTemplate, statefulTemplate];

interface Statement {
  Effect: string;
  Action: string | string[];
}

const policiesOf = (t: Template) =>
  Object.values(t.findResources('AWS::IAM::Policy')).map((policy) => ({
    roles: (policy.Properties.Roles as { Ref: string }[]).map((role) => role.Ref),
    actions: (policy.Properties.PolicyDocument.Statement as Statement[])
      .filter((statement) => statement.Effect === 'Allow')
      .flatMap((statement) => [statement.Action].flat()),
  }));

/** `Portico <name> function (<stage>)`, the description PorticoFunction gives each role. */
const functionOfRole = (t: Template, roleId: string): string => {
  const description = t.toJSON().Resources[roleId]?.Properties?.Description as string | undefined;
  return /^Portico (\S+) function/.exec(description ?? '')?.[1] ?? roleId;
};

describe('IAM', () => {
  it('no policy of either stack lets a function Scan the table, directly or by wildcard', () => {
    // Prepare
    const actions = templates.flatMap((t) => policiesOf(t).flatMap((policy) => policy.actions));

    // Act
    const scans = actions.filter(
      (action) => /^dynamodb:(Scan|\*)$/i.test(action) || action === '*'
    );

    // Assess
    expect(actions).toContain('dynamodb:Query');
    expect(scans).toEqual([]);
  });

  it('every Cognito and SES action a function holds is listed with its reason in docs/deploy.md, and nothing more', () => {
    // Prepare
    const doc = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');
    const documented = [
      ...doc.matchAll(/^\| `([a-z-]+)` +\| `((?:cognito-idp|ses):\w+)` +\| \S/gm),
    ].map(([, fn, action]) => `${fn} ${action}`);

    // Act
    const granted = templates.flatMap((t) =>
      policiesOf(t).flatMap((policy) =>
        policy.actions
          .filter((action) => /^(cognito-idp|ses):/.test(action))
          .flatMap((action) => policy.roles.map((role) => `${functionOfRole(t, role)} ${action}`))
      )
    );

    // Assess
    expect(documented.length).toBeGreaterThan(0);
    expect([...new Set(granted)].sort()).toEqual([...new Set(documented)].sort());
  });
});
