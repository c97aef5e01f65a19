import { describe, expect, it } from 'vitest';
import { audiencePageQuery } from '#core/entities/audience';
import { patchLoadedServiceUpdate, toServiceItem } from '#core/entities/service';
import { TABLE } from '#core/table/table';
import { staleIndexKeys } from '../../scripts/backfill/indexes.ts';
import { serviceOf } from '../support/store-accounts.ts';

const { gsi2, gsi3 } = TABLE.indexes;

describe('notice audience keys', () => {
  it('files a service under its type and its server, and a domain under its name', () => {
    // Prepare
    const vps = serviceOf('a-1', { type: 'vps', server: 'Node-7' });
    const domain = serviceOf('a-1', { type: 'domain', label: 'Example.COM' });

    // Act
    const vpsItem = toServiceItem(vps);
    const domainItem: Record<string, unknown> = toServiceItem(domain);

    // Assess
    expect(vpsItem).toMatchObject({
      [gsi3.partitionKey]: 'AUDIENCE#type#vps',
      [gsi3.sortKey]: `a-1#${vps.id}`,
      [gsi2.partitionKey]: 'AUDIENCE#server#node-7',
    });
    expect(domainItem[gsi2.partitionKey]).toBe('AUDIENCE#domain#example.com');
    expect(
      audiencePageQuery({ kind: 'server', server: 'NODE-7' }).ExpressionAttributeValues
    ).toEqual({
      ':pk': 'AUDIENCE#server#node-7',
    });
  });

  it('moves a reloaded service off its old server, and out of every server when it has none', () => {
    // Prepare
    const vps = serviceOf('a-1', { type: 'vps', server: 'node-7' });
    const fields = {
      label: vps.label,
      status: vps.status,
      contractNumber: undefined,
      ips: undefined,
    };

    // Act
    const moved = patchLoadedServiceUpdate(vps, { ...fields, server: 'node-8' }, 'now');
    const removed = patchLoadedServiceUpdate(vps, { ...fields, server: undefined }, 'now');

    // Assess
    expect(Object.values(moved.ExpressionAttributeValues ?? {})).toContain(
      'AUDIENCE#server#node-8'
    );
    expect(removed.UpdateExpression).toMatch(/REMOVE .*#place0, #place1/);
  });

  it('tells the backfill which audience keys an older account or service lacks', () => {
    // Prepare
    const service: Record<string, unknown> = toServiceItem(serviceOf('a-1', { type: 'hosting' }));
    const { [gsi3.partitionKey]: _pk, [gsi3.sortKey]: _sk, ...older } = service;

    // Act
    const stale = staleIndexKeys(older);
    const current = staleIndexKeys(service);

    // Assess
    expect(stale).toEqual({
      [gsi3.partitionKey]: 'AUDIENCE#type#hosting',
      [gsi3.sortKey]: `a-1#${service.id}`,
    });
    expect(current).toBeUndefined();
  });
});
