import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { portalConfigJson, stageConfig, synthPortico, synthStateful } from './app.ts';

// Synthesized at import time (cached): bundling the handlers outlasts a test's timeout.
const { portalTemplate: template } = synthPortico('dev');

describe('the portal stack', () => {
  it('keeps the site bucket private: all public access blocked, TLS only, read by CloudFront alone', () => {
    // Prepare
    const buckets = template.findResources('AWS::S3::Bucket');

    // Act
    const [bucket] = Object.values(buckets);

    // Assess
    expect(Object.keys(buckets)).toHaveLength(1);
    expect(bucket?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
          }),
        ]),
      },
    });
  });

  it('empties and deletes the site bucket with the stack: it holds only build output', () => {
    // Act
    const [bucket] = Object.values(template.findResources('AWS::S3::Bucket'));
    const [deployment] = Object.values(template.findResources('Custom::CDKBucketDeployment'));

    // Assess
    expect(bucket?.DeletionPolicy).toBe('Delete');
    expect(deployment?.Properties.RetainOnDelete).toBe(false);
    // A new logical id would delete the old deployment, and with it the site: the id is pinned.
    expect(Object.keys(template.findResources('Custom::CDKBucketDeployment'))).toEqual([
      expect.stringMatching(/^DeployCustomResource[0-9A-F]{8}$/),
    ]);
  });

  it('serves through CloudFront with origin access control, HTTPS and the app for every deep link', () => {
    // Assess
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CustomErrorResponses: [
          Match.objectLike({ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' }),
          Match.objectLike({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' }),
        ],
      }),
    });
  });

  it('sends security headers: a CSP that allows only the API and Cognito to be called, HSTS, DENY framing', () => {
    // Prepare
    const [policy] = Object.values(
      template.findResources('AWS::CloudFront::ResponseHeadersPolicy')
    );
    const headers = policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;

    // Assess
    expect(JSON.stringify(headers.ContentSecurityPolicy)).toContain(
      "connect-src 'self' https://cognito-idp."
    );
    expect(JSON.stringify(headers.ContentSecurityPolicy)).toContain("frame-ancestors 'none'");
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 31_536_000,
      IncludeSubdomains: true,
    });
    expect(headers.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    expect(headers.ContentTypeOptions).toMatchObject({ Override: true });
  });

  it('writes config.json with the API URL and both pools from the other stacks, and invalidates it on deploy', () => {
    // Prepare
    const [deployment] = Object.values(template.findResources('Custom::CDKBucketDeployment'));
    const text = JSON.stringify(deployment?.Properties);

    // Assess
    expect(deployment?.Properties.DistributionPaths).toEqual(['/index.html', '/config.json']);
    for (const output of [
      /"StackName":"Portico-dev-Api","Region":(\{[^}]*\}|"[a-z0-9-]+"),"OutputName":"PublishOutputRefHttpApi/,
      /"StackName":"Portico-dev-Stateful","Region":(\{[^}]*\}|"[a-z0-9-]+"),"OutputName":"PublishOutputRefClientAuthUserPool[0-9A-F]/,
      /"StackName":"Portico-dev-Stateful","Region":(\{[^}]*\}|"[a-z0-9-]+"),"OutputName":"PublishOutputRefClientAuthUserPoolPortalClient/,
      /"StackName":"Portico-dev-Stateful","Region":(\{[^}]*\}|"[a-z0-9-]+"),"OutputName":"PublishOutputRefStaffAuthUserPool[0-9A-F]/,
      /"StackName":"Portico-dev-Stateful","Region":(\{[^}]*\}|"[a-z0-9-]+"),"OutputName":"PublishOutputRefStaffAuthUserPoolConsoleClient/,
    ]) {
      expect(text).toMatch(output);
    }
  });

  it.each([
    ['dev', 'srp'],
    ['prod', 'srp'],
  ] as const)(
    'tells the %s portal to sign in to both pools with %s, which the app clients allow',
    (stage, flow) => {
      // Prepare
      const synthesized = synthPortico(stage);
      const clients = Object.values(
        synthesized.statefulTemplate.findResources('AWS::Cognito::UserPoolClient')
      );

      // Act
      const config = portalConfigJson(synthesized);

      // Assess
      expect(config.signIn).toEqual({ client: flow, staff: flow });
      expect(clients).toHaveLength(2);
      for (const client of clients) {
        expect(client.Properties.ExplicitAuthFlows).toContain('ALLOW_USER_SRP_AUTH');
      }
    }
  );

  it('names the password flow for a stage whose app clients allow no SRP', () => {
    // Prepare
    const dev = stageConfig('dev');
    const passwordOnly = {
      ...dev,
      userPool: { ...dev.userPool, authFlows: ['userPassword' as const] },
    };

    // Act
    const { stack } = synthStateful('dev', passwordOnly);

    // Assess
    expect(stack.auth.signInFlow).toBe('password');
    expect(stack.staffAuth.signInFlow).toBe('password');
    expect(synthStateful('prod').stack.auth.signInFlow).toBe('srp');
  });
});
