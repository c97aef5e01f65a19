/**
 * The private bucket of invoice PDFs. Nothing in it is public: operators
 * upload through the staff function and customers download through
 * presigned links the billing function issues (docs/invoices.md). Objects
 * live under `invoices/`; a new upload replaces the current version, and
 * replaced versions are kept for a while so a wrong upload can be undone.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  grantObjectAction,
  type ImportedBucket,
  importBucketByExport,
  PRIVATE_BUCKET_PROPS,
} from './private-bucket.ts';

/** How long a replaced PDF stays recoverable. */
export const OLD_PDF_VERSION_DAYS = 90;

/** The key prefix every invoice PDF lives under (core/entities/invoice.ts names the keys). */
export const INVOICE_PDF_PREFIX = 'invoices/';

export class InvoiceBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET_PROPS,
      versioned: true,
      lifecycleRules: [
        {
          id: 'old-versions',
          noncurrentVersionExpiration: Duration.days(OLD_PDF_VERSION_DAYS),
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Every download is a presigned link the billing function issues to a checked member of the account (its request log names the account and invoice), and every upload goes through the staff function (logged with the staff login); server access logs would add a second bucket recording the same requests without the caller.',
    });
  }
}

/** The export the API stack imports the bucket by (lib/constructs/private-bucket.ts). */
export const invoiceBucketExportName = (stageName: string) =>
  `Portico-${stageName}-InvoiceBucketName`;

/** The invoice bucket as the API stack sees it, with the export it came by. */
export type ImportedInvoiceBucket = ImportedBucket;

export const importInvoiceBucket = (scope: Construct, stageName: string): ImportedInvoiceBucket =>
  importBucketByExport(scope, 'InvoiceBucket', invoiceBucketExportName(stageName));

export type InvoiceBucketAccess = 'read' | 'write';

const ACTIONS: Record<InvoiceBucketAccess, `s3:${string}`> = {
  read: 's3:GetObject',
  write: 's3:PutObject',
};

/** One action on the PDFs only: the billing function signs GETs, the staff function PUTs. */
export const grantInvoicePdfs = (
  invoices: ImportedInvoiceBucket,
  fn: IFunction,
  access: InvoiceBucketAccess
) =>
  grantObjectAction(
    invoices,
    fn,
    ACTIONS[access],
    INVOICE_PDF_PREFIX,
    'Invoice PDFs are named per account and invoice when uploaded (invoices/<account>/<number>.pdf), so the grant covers the invoices/ prefix of the one bucket, for the one action the function signs.'
  );
