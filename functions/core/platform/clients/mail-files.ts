/**
 * Ticket attachments in the mail bucket (bucket-files.ts), as the tickets
 * function reaches them: download links, upload links, the checks and the
 * copy of an uploaded file. Undefined on a stage without a mail bucket.
 */
import { readOptionalMailBucketConfig } from '../config.ts';
import { type BucketFiles, bucketFiles } from './bucket-files.ts';

const config = readOptionalMailBucketConfig();

export const mailFiles: BucketFiles | undefined = config ? bucketFiles(config) : undefined;
