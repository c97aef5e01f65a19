import { describe, expect, it } from 'vitest';
import { ENV } from '#core/platform/config';
import { FUNCTION_NAMES, type FunctionName } from '../../functions/routes.ts';
import {
  INVOICE_PDF_PREFIX,
  invoiceBucketExportName,
  OLD_PDF_VERSION_DAYS,
} from '../../lib/constructs/invoice-bucket.ts';
import { actionsOf, allowStatementsOf, logicalIdOf, synthPortico } from './app.ts';

const { stateful, api, statefulTemplate, apiTemplate } = synthPortico('dev');
const bucketId = logicalIdOf(stateful.invoices.bucket);

const s3StatementsOf = (name: FunctionName) => {
  const role = api.functions[name].role;
  if (!role) throw new Error(`${name} has no role`);
  return allowStatementsOf(apiTemplate, logicalIdOf(role)).filter((statement) =>
    actionsOf([statement]).some((action) => action.startsWith('s3:'))
  );
};

describe('InvoiceBucket', () => {
  it('blocks public access, encrypts, keeps versions and expires replaced ones', () => {
    // Act
    const bucket = statefulTemplate.toJSON().Resources[bucketId];

    // Assess
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LifecycleConfiguration: {
        Rules: [
          expect.objectContaining({
            Status: 'Enabled',
            NoncurrentVersionExpiration: { NoncurrentDays: OLD_PDF_VERSION_DAYS },
          }),
        ],
      },
    });
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('refuses every request that is not over TLS 1.2 or later', () => {
    // Act
    const policy = Object.values(statefulTemplate.findResources('AWS::S3::BucketPolicy'))[0];

    // Assess
    expect(policy?.Properties.Bucket).toEqual({ Ref: bucketId });
    expect(policy?.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
        }),
      ])
    );
  });

  it('exports its name for the API stack', () => {
    // Act
    const output = statefulTemplate.toJSON().Outputs.InvoiceBucketName;

    // Assess
    expect(output).toEqual({
      Value: { Ref: bucketId },
      Export: { Name: invoiceBucketExportName('dev') },
    });
  });
});

describe('invoice PDF grants', () => {
  const objects = {
    'Fn::Join': [
      '',
      [
        // The stage names its region, so the partition is known at synthesis.
        'arn:aws:s3:::',
        { 'Fn::ImportValue': invoiceBucketExportName('dev') },
        `/${INVOICE_PDF_PREFIX}*`,
      ],
    ],
  };

  it('lets billing GET the PDFs and nothing else of the bucket', () => {
    // Act
    const statements = s3StatementsOf('billing');

    // Assess
    expect(statements).toEqual([
      expect.objectContaining({ Action: 's3:GetObject', Resource: objects }),
    ]);
  });

  it('lets staff PUT the PDFs and nothing else of the bucket', () => {
    // Act
    const statements = s3StatementsOf('staff');

    // Assess
    expect(statements).toEqual([
      expect.objectContaining({ Action: 's3:PutObject', Resource: objects }),
    ]);
  });

  it('gives the bucket name to billing and staff only, and S3 access to no other function', () => {
    // Prepare: tickets holds the mail bucket's ticket files only (test/infra/ticket-files.test.ts)
    const others = FUNCTION_NAMES.filter((name) => name !== 'billing' && name !== 'staff');

    // Act
    const envOf = (name: FunctionName) =>
      apiTemplate.toJSON().Resources[logicalIdOf(api.functions[name])].Properties.Environment
        .Variables;

    // Assess
    for (const name of ['billing', 'staff'] as const)
      expect(envOf(name)[ENV.invoiceBucket]).toEqual({
        'Fn::ImportValue': invoiceBucketExportName('dev'),
      });
    for (const name of others) {
      expect(envOf(name)[ENV.invoiceBucket], name).toBeUndefined();
      const invoiceGrants = s3StatementsOf(name).filter((s) =>
        JSON.stringify(s.Resource).includes(invoiceBucketExportName('dev'))
      );
      expect(invoiceGrants, name).toEqual([]);
      if (name !== 'tickets') expect(s3StatementsOf(name), name).toEqual([]);
    }
  });
});
