import { tableStore } from '#core/clients/dynamodb';
import { describeSupportAssignment } from '../support/service-cases/support-assignment.ts';

describeSupportAssignment('DynamoDB Local', () => tableStore);
