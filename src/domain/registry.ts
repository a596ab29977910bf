import { type DatasetIndicator, type DatasetMetadata } from './dataset-indicator';
import { type Indicator, IndicatorSchema } from './indicator';

/** The loaded registry: every indicator, and a lookup by code or alias. */
export type Registry = {
  readonly indicators: readonly Indicator[];
  /** Code and every alias → indicator. */
  readonly byCode: ReadonlyMap<string, Indicator>;
  /**
   * Indicators the registry does not know, as the datasets in use describe them (title, unit,
   * definition only: no target, no direction, never a registry indicator). See `withDatasetIndicators`.
   */
  readonly described?: ReadonlyMap<string, DatasetIndicator>;
};

/**
 * The registry the views use: the registry itself, plus the indicators the datasets' own metadata
 * describes that the registry does not know (by code or alias). A registry indicator is never
 * replaced or changed, so its target, direction and range stay the registry's. Where two datasets
 * describe one code, the later one's fields win. The registry is returned as is when nothing is added.
 */
export function withDatasetIndicators(registry: Registry, metadata: readonly (DatasetMetadata | undefined)[]): Registry {
  const described = new Map<string, DatasetIndicator>();
  for (const m of metadata) {
    if (m === undefined) continue;
    for (const [code, ind] of Object.entries(m.indicators)) {
      if (registry.byCode.has(code) || (ind.title === undefined && ind.unit === undefined && ind.definition === undefined)) continue;
      const before = described.get(code);
      described.set(code, before === undefined ? ind : { ...before, ...ind });
    }
  }
  return described.size === 0 ? registry : { ...registry, described };
}

/** A registry file that failed the schema: where, and what is wrong with it (one line per problem). */
export type RegistryProblem = { file: string; problems: string[] };

export type RawRegistryFile = { file: string; json: unknown };

/**
 * Validates raw registry files (already read as JSON) with `IndicatorSchema`.
 * Invalid files are reported and left out; duplicate codes or aliases are problems too.
 * The file name must match the code (`11-6-2.json` for `11.6.2`).
 */
export function parseRegistry(files: readonly RawRegistryFile[]): { registry: Registry; problems: RegistryProblem[] } {
  const indicators: Indicator[] = [];
  const byCode = new Map<string, Indicator>();
  const problems: RegistryProblem[] = [];
  for (const { file, json } of files) {
    const parsed = IndicatorSchema.safeParse(json);
    if (!parsed.success) {
      problems.push({
        file,
        problems: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`),
      });
      continue;
    }
    const ind = parsed.data;
    const base = file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
    if (base !== ind.code.replace(/\./g, '-')) {
      problems.push({ file, problems: [`code: ${ind.code} does not match the file name (expected ${ind.code.replace(/\./g, '-')}.json)`] });
      continue;
    }
    // The problem names the field that holds the clashing code: `code` for the code itself, `aliases` for an alias.
    const own = [ind.code, ...ind.aliases];
    const repeated = own.findIndex((c, i) => own.indexOf(c) !== i);
    if (repeated !== -1) {
      problems.push({ file, problems: [`aliases: ${own[repeated] ?? '?'} is listed twice (an alias may not repeat the code or another alias)`] });
      continue;
    }
    const clashAt = own.findIndex((c) => byCode.has(c));
    if (clashAt !== -1) {
      const clash = own[clashAt] ?? '?';
      problems.push({ file, problems: [`${clashAt === 0 ? 'code' : 'aliases'}: ${clash} is already used by ${byCode.get(clash)?.code ?? '?'}`] });
      continue;
    }
    indicators.push(ind);
    for (const c of [ind.code, ...ind.aliases]) byCode.set(c, ind);
  }
  return { registry: registryOf(indicators), problems };
}

/**
 * The registry of indicators `parseRegistry` has already validated (the app's bundled registry is parsed
 * at build time): sorted by code, with the lookup by code and alias.
 */
export function registryOf(validated: readonly Indicator[]): Registry {
  const indicators = [...validated].sort((a, b) => compareIndicatorCodes(a.code, b.code));
  const byCode = new Map<string, Indicator>();
  for (const ind of indicators) for (const c of [ind.code, ...ind.aliases]) byCode.set(c, ind);
  return { indicators, byCode };
}

/** Orders `1.2.1 < 1.10.1 < 11.a.1 < 11.b.2 < AMM-1` (numeric parts numerically, letters after numbers). */
export function compareIndicatorCodes(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (!Number.isNaN(nx)) return -1;
    else if (!Number.isNaN(ny)) return 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** A file extension at the end of a reference: never part of the code (`11.6.2.csv` is not sub-series `csv`). */
const FILE_EXTENSION = /\.(?:csv|tsv|txt|json|ya?ml|md|xlsx?)$/i;

/**
 * `11-6-2`, then an optional sub-series suffix: 1–3 letters or digits after a `.`/`-`/`_` (`11-1-1-a`, `11.6.2.1`),
 * or letters straight after the number (`11.6.2a`). The suffix must end the token, so `11.6.2 PM2.5` stays `11.6.2`
 * and `11.6.234` is no code at all.
 */
const SDG_CODE =
  /(?:^|[^0-9])(\d{1,2})[.\-_ ](\d{1,2}|[a-zA-Z])[.\-_ ](\d{1,2})(?:[.\-_]([a-zA-Z0-9]{1,3})(?![a-zA-Z0-9])|([a-zA-Z]{1,3})(?![a-zA-Z0-9]))?(?![0-9])/;

/**
 * Normalises an indicator reference found in data to a dotted code: `indicator_11-6-2.csv` → `11.6.2`,
 * `11-6-2` → `11.6.2`, `C_11.6.2` / `SDG 11.6.2` → `11.6.2`, `indicator_11-1-1-a.csv` → `11.1.1.a` (a sub-series).
 * Returns undefined when no code is recognisable.
 */
export function normalizeIndicatorCode(raw: string): string | undefined {
  const s = raw.trim().replace(FILE_EXTENSION, '');
  const m = SDG_CODE.exec(s);
  if (m) {
    const sub = m[4] ?? m[5];
    const suffix = sub ? `.${sub.toLowerCase()}` : '';
    return `${Number(m[1])}.${/^\d+$/.test(m[2] ?? '') ? Number(m[2]) : (m[2] ?? '').toLowerCase()}.${Number(m[3])}${suffix}`;
  }
  if (/^[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)+$/.test(s)) return s;
  return undefined;
}
