/**
 * The private bucket of invoice PDFs. Nothing in it is public: operators
 * upload through the staff function and customers download through
 * presigned links the billing function issues (docs/invoices.md). Objects
 * live under `invoices/`; a new upload replaces the current version, and
 * replaced versions are kept for a while so a wrong upload can be undone.
 */
import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { nagNames } from './nag-names.ts';

/** How long a replaced PDF stays recoverable. */
export const OLD_PDF_VERSION_DAYS = 90;

/** The key prefix every invoice PDF lives under (core/entities/invoice.ts names the keys). */
export const INVOICE_PDF_PREFIX = 'invoices/';

export class InvoiceBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // SSE-S3: a presigned GET needs no key grant, so a link works for whoever holds it.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [
        {
          id: 'old-versions',
          noncurrentVersionExpiration: Duration.days(OLD_PDF_VERSION_DAYS),
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Every download is a presigned link the billing function issues to a checked member of the account (its request log names the account and invoice), and every upload goes through the staff function (logged with the staff login); server access logs would add a second bucket recording the same requests without the caller.',
    });
  }
}

/**
 * The bucket reaches the API stack by a named export rather than a generated
 * cross-stack reference: a name known at construction lets the grant below
 * acknowledge exactly its own `invoices/*` resource, and nothing wider.
 */
export const invoiceBucketExportName = (stageName: string) =>
  `Portico-${stageName}-InvoiceBucketName`;

/** The invoice bucket as the API stack sees it, with the export it came by. */
export interface ImportedInvoiceBucket {
  bucket: IBucket;
  exportName: string;
}

export const importInvoiceBucket = (scope: Construct, stageName: string): ImportedInvoiceBucket => {
  const exportName = invoiceBucketExportName(stageName);
  return {
    bucket: Bucket.fromBucketName(scope, 'InvoiceBucket', Fn.importValue(exportName)),
    exportName,
  };
};

export type InvoiceBucketAccess = 'read' | 'write';

const ACTIONS: Record<InvoiceBucketAccess, string> = {
  read: 's3:GetObject',
  write: 's3:PutObject',
};

/**
 * One action on the PDFs only: the billing function signs GETs, the staff
 * function PUTs. A presigned link carries the signer's rights, so each gets
 * exactly the one it signs.
 */
export const grantInvoicePdfs = (
  { bucket, exportName }: ImportedInvoiceBucket,
  fn: IFunction,
  access: InvoiceBucketAccess
) => {
  const objects = bucket.arnForObjects(`${INVOICE_PDF_PREFIX}*`);
  fn.addToRolePolicy(new PolicyStatement({ actions: [ACTIONS[access]], resources: [objects] }));
  if (!fn.role) return;
  // cdk-nag names the resource as it reads the template: the export flattened, and the
  // partition as a literal when the stage names its region, as a pseudo parameter otherwise.
  const { partition } = nagNames(Stack.of(fn));
  Validations.of(fn.role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::arn:${partition}:s3:::${exportName}/${INVOICE_PDF_PREFIX}*]`,
    reason:
      'Invoice PDFs are named per account and invoice when uploaded (invoices/<account>/<number>.pdf), so the grant covers the invoices/ prefix of the one bucket, for the one action the function signs.',
  });
};
