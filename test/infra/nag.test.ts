import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { STAGE_NAMES } from '../../lib/config.ts';
import { synthPortico } from './app.ts';

/** `rule at construct path`, so a failure names what to fix or acknowledge. */
const findings = (report: ReturnType<AwsSolutionsChecks['validateScope']>) =>
  report.violations.flatMap((violation) =>
    violation.violatingResources.map(
      (resource) => `${violation.ruleName} at ${resource.constructPath ?? '?'}`
    )
  );

// Synthesized at import time (cached): bundling the handlers outlasts a test's timeout.
for (const stage of STAGE_NAMES) synthPortico(stage);

describe('cdk-nag', () => {
  it.each(STAGE_NAMES)('reports no unacknowledged AwsSolutions finding in %s', (stage) => {
    // Prepare
    const { app } = synthPortico(stage);

    // Act
    const report = new AwsSolutionsChecks().validateScope(app);

    // Assess
    expect(findings(report)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it.each(STAGE_NAMES)('reports no unacknowledged Serverless finding in %s', (stage) => {
    // Prepare
    const { app } = synthPortico(stage);

    // Act
    const report = new ServerlessChecks().validateScope(app);

    // Assess
    expect(findings(report)).toEqual([]);
    expect(report.success).toBe(true);
  });
});
