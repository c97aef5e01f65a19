import { describe, expect, it } from 'vitest';
import {
  areaOf,
  CORE_LAYERS,
  coreLayerOf,
  findCycles,
  type ImportEdge,
  importGraph,
  projectSources,
} from '../support/architecture.ts';

/**
 * The layer order of docs/architecture.md, enforced: each rule lists the
 * edges that break it, so a failure names the import to move.
 */
const files = projectSources();
const edges = importGraph(files);
const show = (list: ImportEdge[]) => list.map((edge) => `${edge.from} → ${edge.to}`);

describe('architecture', () => {
  it('resolves every project import to a file that exists', () => {
    // Assess
    expect(show(edges.filter((edge) => !files.includes(edge.to)))).toEqual([]);
  });

  it('puts every file of functions/core in one of its layers', () => {
    // Act
    const outside = files.filter(
      (file) => file.startsWith('functions/core/') && coreLayerOf(file) === undefined
    );

    // Assess
    expect(outside).toEqual([]);
  });

  it('lets a core layer import only itself and the layers below it', () => {
    // Act
    const backEdges = edges.filter((edge) => {
      const from = coreLayerOf(edge.from);
      const to = coreLayerOf(edge.to);
      return (
        from !== undefined &&
        to !== undefined &&
        CORE_LAYERS.indexOf(to) > CORE_LAYERS.indexOf(from)
      );
    });

    // Assess
    expect(show(backEdges)).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    // Assess
    expect(findCycles(edges).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('keeps core free of the areas, and each area free of the others', () => {
    // Act
    const crossing = edges.filter((edge) => {
      const from = areaOf(edge.from);
      const to = areaOf(edge.to);
      return from !== undefined && to !== undefined && to !== 'core' && from !== to;
    });

    // Assess
    expect(show(crossing)).toEqual([]);
  });

  it('keeps the deployed code and its tooling free of local/ and test/', () => {
    // Act
    const leaks = edges.filter(
      (edge) =>
        (/^(functions|lib|bin|scripts)\//.test(edge.from) && /^(local|test)\//.test(edge.to)) ||
        (/^(local|bench)\//.test(edge.from) && edge.to.startsWith('test/'))
    );

    // Assess
    expect(show(leaks)).toEqual([]);
  });

  it('lets a handler reach entities only through its services and views', () => {
    // Act
    const direct = edges.filter(
      (edge) =>
        /^functions\/[^/]+\/handler\.ts$/.test(edge.from) &&
        edge.to.startsWith('functions/core/entities/')
    );

    // Assess
    expect(show(direct)).toEqual([]);
  });
});
