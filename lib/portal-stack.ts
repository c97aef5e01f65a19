/**
 * The reference client area: portal/dist in a private bucket behind
 * CloudFront (origin access control), security headers on every answer, and
 * a runtime `config.json` naming the API and the pools of the other stacks,
 * so one build serves every stage. Build first: `npm run portal:build`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CfnOutput,
  type CfnResource,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import {
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { SignInFlow } from './config.ts';
import { nagNames } from './constructs/nag-names.ts';

export const PORTAL_DIST = fileURLToPath(new URL('../portal/dist', import.meta.url));

export interface PortalStackProps extends StackProps {
  apiUrl: string;
  userPool: IUserPool;
  client: IUserPoolClient;
  staffPool: IUserPool;
  staffClient: IUserPoolClient;
  /** How the portal signs in to each pool: the flows its app clients allow. */
  signIn: { client: SignInFlow; staff: SignInFlow };
}

/** The API's origin (scheme and host) for the Content-Security-Policy's connect-src. */
const originOf = (url: string) => Fn.join('', ['https://', Fn.select(2, Fn.split('/', url))]);

export class PortalStack extends Stack {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, props);
    if (!existsSync(PORTAL_DIST)) {
      throw new Error(`${PORTAL_DIST} is missing: cdk synth builds it (or npm run portal:build)`);
    }
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const cognito = `https://cognito-idp.${this.region}.amazonaws.com`;
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: Fn.join('', [
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; ",
            `connect-src 'self' ${cognito} `,
            originOf(props.apiUrl),
            "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
          ]),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });
    this.distribution = new Distribution(this, 'Cdn', {
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
      },
      defaultRootObject: 'index.html',
      // The app routes in the browser: a deep link is index.html (S3 answers 403 for a missing key under OAC).
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
    });
    new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [
        Source.asset(PORTAL_DIST),
        Source.jsonData('config.json', {
          apiUrl: props.apiUrl,
          region: this.region,
          userPoolId: props.userPool.userPoolId,
          userPoolClientId: props.client.userPoolClientId,
          staff: {
            userPoolId: props.staffPool.userPoolId,
            userPoolClientId: props.staffClient.userPoolClientId,
          },
          signIn: props.signIn,
        }),
      ],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      // Build output only: removing the stack empties the site bucket, which can then go.
      retainOnDelete: false,
    });
    new CfnOutput(this, 'PortalUrl', {
      value: `https://${this.distribution.distributionDomainName}`,
    });
    this.acknowledge();
  }

  private acknowledge() {
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds the public build of the portal and is read only by CloudFront through origin access control; requests are what CloudFront serves, and a deploy replaces the whole content.',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'The client area serves customers wherever they are; no geographic restriction applies.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Static files only: every request with data goes to the API, which has its own throttling; a WAF web ACL is a per-provider choice (docs/portal.md, Deploying).',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'Static files of a public build; access logs would need a log bucket with ACLs for little to learn. Enable them per provider if wanted (docs/portal.md).',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate is used until a provider adds its own domain and certificate (then set the minimum protocol to TLSv1.2_2021; docs/portal.md).',
      }
    );
    // The deployment's singleton function is CDK's own, created per stack by BucketDeployment.
    const site = this.getLogicalId(this.bucket.node.defaultChild as CfnResource);
    const nag = nagNames(this);
    const copy =
      'CDK’s BucketDeployment function copies its asset from the CDK assets bucket into the site bucket and deletes what the new build no longer has: object wildcards by nature, on these two buckets only.';
    for (const child of this.node.findAll()) {
      if (!child.node.path.includes('Custom::CDKBucketDeployment')) continue;
      Validations.of(child).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: 'CDK’s BucketDeployment function writes its logs with the basic execution role.',
        },
        ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map(
          (action) => ({
            id: `AwsSolutions-IAM5[Action::${action}]`,
            reason: copy,
          })
        ),
        {
          id: `AwsSolutions-IAM5[Resource::arn:${nag.partition}:s3:::cdk-hnb659fds-assets-${nag.account}-${nag.region}/*]`,
          reason: copy,
        },
        { id: `AwsSolutions-IAM5[Resource::<${site}.Arn>/*]`, reason: copy },
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason:
            'The CloudFront invalidation after a deploy (cloudfront:CreateInvalidation) is granted on * by CDK.',
        },
        { id: 'AwsSolutions-L1', reason: 'CDK’s BucketDeployment picks its own runtime.' },
        { id: 'Serverless-LambdaTracing', reason: 'A deploy-time copy, not a request path.' },
        {
          id: 'Serverless-LambdaDLQ',
          reason:
            'A CloudFormation custom resource: a failure fails the deploy, nothing is queued.',
        },
        {
          id: 'Serverless-LambdaDefaultMemorySize',
          reason: 'CDK sets the copy function’s memory.',
        },
        {
          id: 'Serverless-LambdaLatestVersion',
          reason: 'CDK’s BucketDeployment picks its own runtime.',
        },
        {
          id: 'Serverless-LambdaAsyncFailureDestination',
          reason: 'A CloudFormation custom resource: a failure fails the deploy.',
        }
      );
    }
  }
}
