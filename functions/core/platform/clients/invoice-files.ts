/**
 * Invoice PDFs in the invoice bucket (bucket-files.ts): download links for
 * the billing function, uploads for the staff function.
 */
import { readInvoiceBucketConfig } from '../config.ts';
import { bucketFiles } from './bucket-files.ts';

export const { downloadLink, putObject } = bucketFiles(readInvoiceBucketConfig());
