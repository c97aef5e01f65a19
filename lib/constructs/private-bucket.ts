/**
 * What Portico's private buckets share (invoice PDFs, mail to support): the
 * settings of a bucket nobody reaches but through its own functions, its
 * import into the API stack by a named export, and the one-prefix grants a
 * function gets to sign requests on it.
 */
import { Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type BucketProps,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { nagNames } from './nag-names.ts';

/**
 * Private, owner-enforced, TLS 1.2+ only (a policy denies the rest), retained.
 * SSE-S3: a presigned request needs no key grant, and no principal here may
 * read objects without being meant to, which is all a customer key would add.
 */
export const PRIVATE_BUCKET_PROPS = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  removalPolicy: RemovalPolicy.RETAIN,
} as const satisfies BucketProps;

/** A bucket as the API stack sees it, with the export it came by. */
export interface ImportedBucket {
  bucket: IBucket;
  exportName: string;
}

/**
 * The bucket reaches the API stack by a named export rather than a generated
 * cross-stack reference: a name known at construction lets each grant
 * acknowledge exactly its own prefix, and nothing wider.
 */
export const importBucketByExport = (
  scope: Construct,
  id: string,
  exportName: string
): ImportedBucket => ({
  bucket: Bucket.fromBucketName(scope, id, Fn.importValue(exportName)),
  exportName,
});

/**
 * One action on one key prefix of the bucket. A presigned request carries
 * its signer's rights, so a function gets exactly what it signs; `reason`
 * says why the prefix's wildcard is as narrow as it can be.
 */
export const grantObjectAction = (
  { bucket, exportName }: ImportedBucket,
  fn: IFunction,
  action: `s3:${string}`,
  prefix: string,
  reason: string
) => {
  fn.addToRolePolicy(
    new PolicyStatement({ actions: [action], resources: [bucket.arnForObjects(`${prefix}*`)] })
  );
  if (!fn.role) return;
  // cdk-nag names the resource as it reads the template: the export flattened, and the
  // partition as a literal when the stage names its region, as a pseudo parameter otherwise.
  const { partition } = nagNames(Stack.of(fn));
  Validations.of(fn.role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::arn:${partition}:s3:::${exportName}/${prefix}*]`,
    reason,
  });
};
