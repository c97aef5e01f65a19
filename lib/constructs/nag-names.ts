/**
 * How cdk-nag spells a value in a finding's id: a pseudo parameter such as
 * `<AWS::Region>` while the value is a token, the literal once the stage
 * names its account and region (lib/stage-guards.ts). Acknowledgements
 * built with this hold for both.
 */
import { type Stack, Token } from 'aws-cdk-lib';

const asNagSees = (value: string, pseudo: string) =>
  Token.isUnresolved(value) ? `<${pseudo}>` : value;

export const nagNames = (stack: Stack) => ({
  partition: asNagSees(stack.partition, 'AWS::Partition'),
  account: asNagSees(stack.account, 'AWS::AccountId'),
  region: asNagSees(stack.region, 'AWS::Region'),
});
