import { tableStore } from '#core/table/function-store';
import { describeAccountRequests } from '../support/service-cases/account-requests.ts';

describeAccountRequests('DynamoDB Local', () => tableStore);
