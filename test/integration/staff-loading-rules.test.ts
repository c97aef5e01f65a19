import { tableStore } from '#core/table/function-store';
import { describeStaffLoading } from '../support/service-cases/staff-loading.ts';

describeStaffLoading('DynamoDB Local', () => tableStore);
