/**
 * The Cognito client for the staff pool. Settings are read (and checked)
 * when the module loads; the client is built on first use.
 */
import { readStaffPoolConfig } from '../config.ts';
import { lazyCognitoClient } from './cognito-client.ts';

const config = readStaffPoolConfig();

export const staffPoolId = config.userPoolId;

export const staffCognito = lazyCognitoClient(config);
