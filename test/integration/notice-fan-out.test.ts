import { tableStore } from '#core/table/function-store';
import { describeNotices } from '../support/service-cases/notices.ts';

describeNotices('DynamoDB Local', () => tableStore);
