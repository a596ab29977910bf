import { type Indicator, type LocalizedText, type NuaCommitment, NuaCommitmentSchema, type NuaPriority, NuaPrioritySchema } from '@/domain/indicator';
import type { RollupGroup } from '@/domain/progress/rollups';
import { PROGRESS_STATUSES, type ProgressStatus } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import { type CityPair, type Dashboard, resolveCityPair } from './dashboard-model';
import type { Lang } from '@/i18n/lang';
import { cityDisplayName, type CityNames } from './dashboard-model';

/**
 * The New Urban Agenda view as data: for one or two cities, the status roll-ups of the three
 * implementation priorities (governance, planning, finance) and the three transformative commitments,
 * and the registry indicators of each group with each city's status. The counts and mean scores are the
 * dashboard's roll-ups (nothing is recomputed); this only arranges them side by side.
 */

export type NuaGroupKind = 'priority' | 'commitment';

export type NuaCityGroup = {
  readonly cityKey: string;
  /** The city's roll-up of the group: counts by status and mean score; zeros when it reports none. */
  readonly summary: RollupGroup;
  /** Status of each indicator of the group for this city; absent when the city has no data for it. */
  readonly statusOf: ReadonlyMap<string, ProgressStatus>;
};

export type NuaGroup = {
  readonly kind: NuaGroupKind;
  readonly key: NuaPriority | NuaCommitment;
  /** The registry indicators of the group, in registry order (reported by the cities or not). */
  readonly indicators: readonly Indicator[];
  /** One entry per city, in the order asked. */
  readonly cities: readonly NuaCityGroup[];
};

export type NuaView = {
  readonly priorities: readonly NuaGroup[];
  readonly commitments: readonly NuaGroup[];
  /** Per city (same order): indicators with data that the registry does not know (so in no group). */
  readonly unregistered: readonly number[];
};

function emptyGroup(key: string): RollupGroup {
  const counts = {} as Record<ProgressStatus, number>;
  for (const s of PROGRESS_STATUSES) counts[s] = 0;
  return { key, indicators: 0, counts, meanScore: null, scored: 0 };
}

/** The NUA groups of the given cities (keys of the dashboard). Unknown keys give empty groups. */
export function buildNuaView(dashboard: Pick<Dashboard, 'rollups' | 'byCity'>, registry: Registry, cityKeys: readonly string[]): NuaView {
  const statusByCity = cityKeys.map((key) => {
    const m = new Map<string, ProgressStatus>();
    for (const p of dashboard.byCity.get(key) ?? []) m.set(p.indicator, p.result.status);
    return m;
  });
  const build = <K extends NuaPriority | NuaCommitment>(kind: NuaGroupKind, key: K, member: (ind: Indicator) => boolean): NuaGroup => {
    const indicators = registry.indicators.filter(member);
    return {
      kind,
      key,
      indicators,
      cities: cityKeys.map((cityKey, i) => {
        const rollup = dashboard.rollups.get(cityKey);
        const groups = kind === 'priority' ? rollup?.byPriority : rollup?.byCommitment;
        const all = statusByCity[i] ?? new Map<string, ProgressStatus>();
        const statusOf = new Map<string, ProgressStatus>();
        for (const ind of indicators) {
          const s = all.get(ind.code);
          if (s !== undefined) statusOf.set(ind.code, s);
        }
        return { cityKey, summary: groups?.find((g) => g.key === key) ?? emptyGroup(key), statusOf };
      }),
    };
  };
  return {
    priorities: NuaPrioritySchema.options.map((p) => build('priority', p, (ind) => ind.nua.priority === p)),
    commitments: NuaCommitmentSchema.options.map((c) => build('commitment', c, (ind) => ind.nua.commitments.includes(c))),
    unregistered: statusByCity.map((m) => [...m.keys()].filter((code) => !registry.byCode.has(code)).length),
  };
}

export type NuaCities = Omit<CityPair, 'partner'> & { readonly secondary: CityPair['partner'] };

/** The cities the view shows, from the URL (see resolveCityPair): `secondary` is the city beside the first. */
export function resolveNuaCities(dashboard: Pick<Dashboard, 'cities' | 'cityByKey'>, city: string | undefined, cities: readonly string[] | undefined): NuaCities {
  const { primary, partner, missing } = resolveCityPair(dashboard, city, cities);
  return { primary, secondary: partner, missing };
}

export { cityDisplayName, type CityNames };

/** Text in the UI language, English when the translation is empty. */
export function localized(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.en;
}
