import * as z from 'zod/mini';
import { PROGRESS_METHODS, type ProgressMethod } from '@/domain/progress/types';
import { type Lang, LangSchema } from '@/i18n/lang';

/**
 * The view state kept in the URL, so any view can be shared and deep-linked on a static server:
 * `#/overview?lang=ar&city=XD-WNR&indicator=11.6.2`. Parameters are read from both the query string
 * before the `#` (`?lang=ar`, what people type) and the one inside the hash (what the app writes);
 * the hash wins. Every value is validated; anything invalid is dropped, never trusted.
 */
export const VIEWS = ['overview', 'indicator', 'compare', 'nua', 'report', 'data'] as const;
export const ViewSchema = z.enum(VIEWS);
export type View = z.infer<typeof ViewSchema>;

export type UrlState = {
  view: View;
  lang?: Lang;
  /** The city of the overview, indicator and NUA views (name or code). */
  city?: string;
  /** Cities compared side by side (compare, NUA): `cities=Tyre,Zurich`. */
  cities?: string[];
  /** Indicator code (`11.6.2`). */
  indicator?: string;
  method?: ProgressMethod;
  /**
   * The last review the overview and the report compare with ("since the last review"): the key of an
   * earlier dataset version (`reviewKey`). Kept across views; one this browser does not have is ignored.
   */
  review?: string;
  /** `#/embed/indicator?…`: the view's chart alone, for an <iframe> on another site (no navigation). */
  embed?: boolean;
  /**
   * `published=2026-06-01`: the data as published on that date (the site's `data/archive/<date>/`),
   * read-only, instead of the current publication and this browser's own data.
   */
  asPublished?: string;
};

const KNOWN_PARAMS = ['lang', 'view', 'city', 'cities', 'indicator', 'method', 'published', 'review'] as const;
/** An archived publication's folder name: its date, with `-2`, `-3`… for a second one the same day. */
export const ArchiveNameSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(-\d{1,3})?$/));
const TextParamSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
/** At most 50 cities side by side; each name as a text parameter. Commas inside names are not supported. */
const CitiesParamSchema = z.pipe(
  z.string().check(z.maxLength(5000)),
  z.transform((s: string) => [...new Set(s.split(',').map((c) => c.trim()).filter((c) => c !== '' && c.length <= 200))].slice(0, 50)),
).check(z.refine((list) => list.length > 0));
const MethodSchema = z.enum(PROGRESS_METHODS);

function paramsOf(query: string): URLSearchParams {
  return new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
}

function pick<T>(schema: z.ZodMiniType<T>, ...candidates: Array<string | null>): T | undefined {
  for (const c of candidates) {
    if (c === null) continue;
    const parsed = schema.safeParse(c);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/** Reads the state from `location.search` and `location.hash`. */
export function parseUrlState(search: string, hash: string): UrlState {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  const fullPath = (q === -1 ? h : h.slice(0, q)).replace(/^\/+|\/+$/g, '');
  const embed = fullPath === 'embed' || fullPath.startsWith('embed/');
  const path = embed ? fullPath.slice('embed'.length).replace(/^\/+/, '') : fullPath;
  const hashParams = paramsOf(q === -1 ? '' : h.slice(q + 1));
  const searchParams = paramsOf(search);
  const view = pick(ViewSchema, path === '' ? null : path, hashParams.get('view'), searchParams.get('view')) ?? 'overview';
  const state: UrlState = embed ? { view, embed: true } : { view };
  const lang = pick(LangSchema, hashParams.get('lang'), searchParams.get('lang'));
  if (lang !== undefined) state.lang = lang;
  const city = pick(TextParamSchema, hashParams.get('city'), searchParams.get('city'));
  if (city !== undefined) state.city = city;
  const cities = pick(CitiesParamSchema, hashParams.get('cities'), searchParams.get('cities'));
  if (cities !== undefined) state.cities = cities;
  const indicator = pick(TextParamSchema, hashParams.get('indicator'), searchParams.get('indicator'));
  if (indicator !== undefined) state.indicator = indicator;
  const method = pick(MethodSchema, hashParams.get('method'), searchParams.get('method'));
  if (method !== undefined) state.method = method;
  const review = pick(TextParamSchema, hashParams.get('review'), searchParams.get('review'));
  if (review !== undefined) state.review = review;
  const asPublished = pick(ArchiveNameSchema, hashParams.get('published'), searchParams.get('published'));
  if (asPublished !== undefined) state.asPublished = asPublished;
  return state;
}

/** The canonical hash of a state: `#/view?lang=…&city=…&cities=…&indicator=…&method=…&review=…` (empty values left out). */
export function formatHash(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.lang !== undefined) params.set('lang', state.lang);
  if (state.city !== undefined && state.city !== '') params.set('city', state.city);
  if (state.cities !== undefined && state.cities.length > 0) params.set('cities', state.cities.join(','));
  if (state.indicator !== undefined && state.indicator !== '') params.set('indicator', state.indicator);
  if (state.method !== undefined) params.set('method', state.method);
  if (state.review !== undefined && state.review !== '') params.set('review', state.review);
  if (state.asPublished !== undefined) params.set('published', state.asPublished);
  const query = params.toString();
  return `#/${state.embed === true ? 'embed/' : ''}${state.view}${query ? `?${query}` : ''}`;
}

/** The query string without our parameters (they move into the hash); others are kept as they were. */
export function stripKnownParams(search: string): string {
  const params = paramsOf(search);
  for (const k of KNOWN_PARAMS) params.delete(k);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}
