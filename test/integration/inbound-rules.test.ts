import { tableStore } from '#core/table/function-store';
import { describeInbound } from '../support/service-cases/inbound.ts';

describeInbound('DynamoDB Local', () => tableStore);
