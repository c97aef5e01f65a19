/**
 * Finds what the monitoring watches in a stack as it stands at synthesis:
 * every Lambda function, every stream consumer (an event source mapping
 * with a starting position) and every SQS queue that some resource names as
 * its dead-letter or on-failure destination. Read from the CloudFormation
 * resources rather than from a list, so a function or queue added by any
 * construct of the stack is watched without touching the monitoring.
 */
import { CfnResource, type Stack } from 'aws-cdk-lib';
import { CfnRule } from 'aws-cdk-lib/aws-events';
import { CfnEventInvokeConfig, CfnEventSourceMapping, CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSubscription } from 'aws-cdk-lib/aws-sns';
import { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';

export interface WatchedFunction {
  /** A construct id for its alarms: the function's path in the stack, letters and digits only. */
  id: string;
  /** `Ref` of the function: its name, the dimension of its metrics. */
  functionName: string;
}

export interface WatchedQueue {
  id: string;
  /** The queue's name (`Fn::GetAtt QueueName`), the dimension of its metrics. */
  queueName: string;
}

export interface MonitoredResources {
  functions: WatchedFunction[];
  /** Functions fed by a stream (DynamoDB, Kinesis): their IteratorAge is what lags. */
  streamConsumers: WatchedFunction[];
  deadLetterQueues: WatchedQueue[];
}

/** The L1 resource's owner path below the stack: `Outbox/Function/Resource` → `OutboxFunction`. */
const idOf = (stack: Stack, resource: CfnResource): string => {
  const owner = resource.node.id === 'Resource' ? resource.node.scope : resource;
  const path = owner?.node.path ?? resource.node.path;
  return path.slice(stack.node.path.length + 1).replace(/[^A-Za-z0-9]/g, '');
};

/** Every value a resource holds where a dead-letter or on-failure target goes. */
const deadLetterTargets = (stack: Stack, node: IConstruct): unknown[] => {
  const r = (value: unknown): Record<string, unknown> | undefined =>
    (stack.resolve(value) ?? undefined) as Record<string, unknown> | undefined;
  const onFailure = (config: unknown) =>
    (r(config)?.onFailure as Record<string, unknown> | undefined)?.destination;
  if (node instanceof CfnEventSourceMapping) return [onFailure(node.destinationConfig)];
  if (node instanceof CfnEventInvokeConfig) return [onFailure(node.destinationConfig)];
  if (node instanceof CfnFunction) return [r(node.deadLetterConfig)?.targetArn];
  if (node instanceof CfnQueue || node instanceof CfnSubscription)
    return [r(node.redrivePolicy)?.deadLetterTargetArn];
  if (node instanceof CfnRule) {
    const targets = (r(node.targets) ?? []) as unknown as Record<string, unknown>[];
    return targets.map((target) => r(target.deadLetterConfig)?.arn);
  }
  return [];
};

const key = (stack: Stack, value: unknown) => JSON.stringify(stack.resolve(value));

export const findMonitoredResources = (stack: Stack): MonitoredResources => {
  const own = stack.node
    .findAll()
    .filter((node): node is CfnResource => CfnResource.isCfnResource(node))
    .filter((node) => node.stack === stack);

  const functions = new Map<string, WatchedFunction>();
  for (const fn of own.filter((node) => node instanceof CfnFunction)) {
    functions.set(key(stack, fn.ref), { id: idOf(stack, fn), functionName: fn.ref });
  }

  const streamConsumers = new Map<string, WatchedFunction>();
  for (const mapping of own.filter((node) => node instanceof CfnEventSourceMapping)) {
    if (mapping.startingPosition === undefined) continue; // a queue poller, not a stream
    const fnKey = key(stack, mapping.functionName);
    const watched = functions.get(fnKey);
    if (watched) streamConsumers.set(fnKey, watched);
  }

  const targets = new Set(
    own.flatMap((node) => deadLetterTargets(stack, node)).map((t) => key(stack, t))
  );
  const deadLetterQueues = own
    .filter((node) => node instanceof CfnQueue)
    .filter((queue) => targets.has(key(stack, queue.attrArn)))
    .map((queue) => ({ id: idOf(stack, queue), queueName: queue.attrQueueName }));

  return {
    functions: [...functions.values()],
    streamConsumers: [...streamConsumers.values()],
    deadLetterQueues,
  };
};
