import * as z from 'zod/mini';
import type { ObservationTable } from '@/domain/observation-table';
import type { Lang } from '@/i18n/lang';

/**
 * The workspace's gazetteer: what the user says about places, over every dataset.
 * - names: a place's display name per language (the data's own name is kept in the data);
 * - merges: "صور" and "Tyre" are one place — the alias's rows are read as the target's, in every view,
 *   figure, report and CLI reading; undone by removing the merge;
 * - home: the observatory's own city, which every view opens on unless the URL names another.
 * Places are named by their key: the code when the data has one, else the name (as the dashboard keys them).
 */

const NameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const KeySchema = z.string().check(z.minLength(1), z.maxLength(300));
const PlaceRefSchema = z.object({ key: KeySchema, name: z.string().check(z.maxLength(300)), code: z.string().check(z.maxLength(300)) });
export type PlaceRef = z.infer<typeof PlaceRefSchema>;

export const GazetteerSchema = z.object({
  version: z.literal(1),
  /** Display names by place key, per language. */
  names: z._default(z.record(KeySchema, z.object({ ar: z.optional(NameSchema), en: z.optional(NameSchema), fr: z.optional(NameSchema), es: z.optional(NameSchema) })), {}),
  /** Alias place key → the place it is (with the target's name and code as the data writes them). */
  merges: z._default(z.record(KeySchema, PlaceRefSchema), {}),
  /** The observatory's own city (a place key). */
  home: z.optional(KeySchema),
});
export type Gazetteer = z.infer<typeof GazetteerSchema>;

export const EMPTY_GAZETTEER: Gazetteer = { version: 1, names: {}, merges: {} };

/** The setting it is saved under (IndexedDB settings store; exported with the workspace). */
export const GAZETTEER_SETTING = 'gazetteer';

/** Reads a saved or imported gazetteer (JSON text); anything unreadable gives the empty one and a reason. */
export function parseGazetteer(text: string | undefined): { gazetteer: Gazetteer; problem?: string } {
  if (text === undefined || text === '') return { gazetteer: EMPTY_GAZETTEER };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { gazetteer: EMPTY_GAZETTEER, problem: 'not JSON' };
  }
  const parsed = GazetteerSchema.safeParse(json);
  if (!parsed.success) return { gazetteer: EMPTY_GAZETTEER, problem: parsed.error.issues[0]?.message ?? 'invalid' };
  return { gazetteer: withoutChains(parsed.data) };
}

/** The place a key stands for after merges (itself when not merged). */
export function resolvePlace(g: Gazetteer, key: string): string {
  return g.merges[key]?.key ?? key;
}

/**
 * Merges `alias` into `target`: the alias's rows become the target's. Places already merged into the
 * alias follow it; merging a place into itself (directly or through a chain) changes nothing.
 */
export function mergePlaces(g: Gazetteer, alias: PlaceRef, target: PlaceRef): Gazetteer {
  const to = g.merges[target.key] ?? target;
  if (to.key === alias.key || alias.key === target.key) return g;
  const merges: Record<string, PlaceRef> = {};
  for (const [k, v] of Object.entries(g.merges)) merges[k] = v.key === alias.key ? to : v;
  merges[alias.key] = to;
  const home = g.home === alias.key ? to.key : g.home;
  return { ...g, merges, ...(home !== undefined ? { home } : {}) };
}

/** Undoes the merge of `alias` (its rows are its own again). */
export function unmergePlace(g: Gazetteer, alias: string): Gazetteer {
  if (!(alias in g.merges)) return g;
  const merges = { ...g.merges };
  delete merges[alias];
  return { ...g, merges };
}

/** Sets (or, with a blank name, clears) a place's display name in one language. */
export function renamePlace(g: Gazetteer, key: string, lang: Lang, name: string): Gazetteer {
  const trimmed = name.trim().slice(0, 200);
  const current = { ...(g.names[key] ?? {}) };
  if (trimmed === '') delete current[lang];
  else current[lang] = trimmed;
  const names = { ...g.names };
  if (Object.keys(current).length === 0) delete names[key];
  else names[key] = current;
  return { ...g, names };
}

export function setHomePlace(g: Gazetteer, key: string | undefined): Gazetteer {
  const { home: _home, ...rest } = g;
  return key === undefined ? rest : { ...rest, home: resolvePlace(g, key) };
}

/** A merge chain (a → b, b → c) read from a file becomes a → c, b → c; a cycle is dropped. */
function withoutChains(g: Gazetteer): Gazetteer {
  const merges: Record<string, PlaceRef> = {};
  for (const [alias, first] of Object.entries(g.merges)) {
    let to = first;
    const seen = new Set([alias]);
    let cyclic = false;
    for (let next = g.merges[to.key]; next !== undefined; next = g.merges[to.key]) {
      if (seen.has(to.key)) {
        cyclic = true;
        break;
      }
      seen.add(to.key);
      to = next;
    }
    if (!cyclic && to.key !== alias) merges[alias] = to;
  }
  return { ...g, merges };
}

/**
 * The table with the gazetteer's merges applied: every row of an alias place carries the target's
 * name and code. Dictionaries are rebuilt and ids remapped (O(rows)); without merges the table itself.
 */
export function applyMerges(table: ObservationTable, g: Gazetteer): ObservationTable {
  if (Object.keys(g.merges).length === 0) return table;
  const d = table.dict;
  const cityDict = [...d.city];
  const codeDict = [...d.cityCode];
  const cityIds = new Map(cityDict.map((s, i) => [s, i]));
  const codeIds = new Map(codeDict.map((s, i) => [s, i]));
  const idOf = (dict: string[], ids: Map<string, number>, s: string) => {
    let id = ids.get(s);
    if (id === undefined) {
      id = dict.length;
      dict.push(s);
      ids.set(s, id);
    }
    return id;
  };
  // Per (city id, code id) pair: the pair it becomes (−1: unchanged).
  const remap = new Map<number, number>();
  const city = new Uint32Array(table.city);
  const cityCode = new Uint32Array(table.cityCode);
  let changed = false;
  for (let i = 0; i < table.length; i++) {
    const c = table.city[i] ?? 0;
    const k = table.cityCode[i] ?? 0;
    const pair = c * 2 ** 26 + k;
    let to = remap.get(pair);
    if (to === undefined) {
      const code = d.cityCode[k] ?? '';
      const key = code !== '' ? code : (d.city[c] ?? '');
      const target = g.merges[key];
      to = target === undefined ? -1 : idOf(cityDict, cityIds, target.name || target.key) * 2 ** 26 + idOf(codeDict, codeIds, target.code);
      remap.set(pair, to);
    }
    if (to < 0) continue;
    changed = true;
    city[i] = Math.floor(to / 2 ** 26);
    cityCode[i] = to % 2 ** 26;
  }
  if (!changed) return table;
  return { ...table, city, cityCode, dict: { ...d, city: cityDict, cityCode: codeDict } };
}

/** A place's name in a language from the gazetteer, if the user gave one (English as the fallback of fr/es). */
export function gazetteerName(g: Gazetteer, key: string, lang: Lang): string | undefined {
  const n = g.names[resolvePlace(g, key)];
  if (n === undefined) return undefined;
  return n[lang] ?? (lang === 'ar' ? undefined : n.en);
}
