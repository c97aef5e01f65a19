import { tableStore } from '#core/clients/dynamodb';
import { describeSupportAssignment } from '../support/support-assignment-cases.ts';

describeSupportAssignment('DynamoDB Local', () => tableStore);
