import { tableStore } from '#core/table/function-store';
import { describeSupportAssignment } from '../support/service-cases/support-assignment.ts';

describeSupportAssignment('DynamoDB Local', () => tableStore);
