import { echarts } from './echarts-core';

/**
 * Shapes registered with ECharts (a global registry: `echarts.registerMap`), once per name. Each
 * feature is named `f<index>`, the key chart data use (`MapArea.key`), so the file's own names and
 * codes never decide what is drawn where.
 */

type Shapes = ReadonlyArray<{ readonly polygons: ReadonlyArray<ReadonlyArray<ReadonlyArray<readonly [number, number]>>> }>;

const registered = new Set<string>();

/** The key of feature `i` in a registered map. */
export function areaKey(i: number): string {
  return `f${i}`;
}

/** Registers `features` as map `name` unless a map of that name already is. */
export function ensureMap(name: string, features: Shapes): void {
  if (registered.has(name)) return;
  const geoJson = {
    type: 'FeatureCollection' as const,
    features: features.map((f, i) => ({
      type: 'Feature' as const,
      properties: { name: areaKey(i) },
      geometry: { type: 'MultiPolygon' as const, coordinates: f.polygons.map((p) => p.map((r) => r.map(([x, y]) => [x, y]))) },
    })),
  };
  echarts.registerMap(name, geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered.add(name);
}
