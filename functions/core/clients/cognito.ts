/**
 * The Cognito client of a function that manages logins of the client pool.
 * Settings are read (and checked) at cold start; the client itself is built
 * on first use.
 */
import { readUserPoolConfig } from '../config.ts';
import { lazyCognitoClient } from './cognito-client.ts';

const config = readUserPoolConfig();

export const userPoolId = config.userPoolId;

export const cognito = lazyCognitoClient(config);
