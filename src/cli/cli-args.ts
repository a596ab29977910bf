import type { ColumnMapping, Delimiter, Encoding, IngestOptions, Layout } from '@/ingest/types';

/**
 * What every command shares: the output channels, exit codes (0 no errors, 1 data errors, 2 usage errors),
 * the usage error, and flag parsing. Commands import this module; none of them imports another command.
 */

export type CliIO = { stdout: (s: string) => void; stderr: (s: string) => void };

export const EXIT_OK = 0;
export const EXIT_DATA_ERRORS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252'] as const;
const LAYOUTS = ['auto', 'long', 'wide', 'opensdg', 'unsd', 'unhabitat'] as const;
const DELIMITERS: Record<string, Delimiter | 'auto'> = {
  auto: 'auto',
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\t': '\t',
  '\\t': '\t',
  pipe: '|',
  '|': '|',
};
const DECIMALS: Record<string, '.' | ',' | 'auto'> = { auto: 'auto', '.': '.', point: '.', dot: '.', ',': ',', comma: ',' };
const SCALAR_ROLES: Record<string, Exclude<keyof ColumnMapping, 'disaggregations' | 'ignore'>> = {
  city: 'city',
  citycode: 'cityCode',
  city_code: 'cityCode',
  indicator: 'indicator',
  year: 'year',
  value: 'value',
  unit: 'unit',
  series: 'series',
  source: 'source',
  note: 'note',
};
const LIST_ROLES: Record<string, 'disaggregations' | 'ignore'> = {
  disaggregation: 'disaggregations',
  disaggregations: 'disaggregations',
  ignore: 'ignore',
};

export type FlagSpec = { takesValue: boolean; repeatable?: boolean };
export const COMMON_FLAGS: Record<string, FlagSpec> = {
  encoding: { takesValue: true },
  decimal: { takesValue: true },
  delimiter: { takesValue: true },
  layout: { takesValue: true },
  map: { takesValue: true, repeatable: true },
  city: { takesValue: true },
  indicator: { takesValue: true },
  indicators: { takesValue: true, repeatable: true },
  help: { takesValue: false },
};

export type Args = { positional: string[]; flags: Map<string, string[]> };

/** `--flag value`, `--flag=value`, `-h`; `--` ends the flags. Unknown flags are usage errors. */
export function parseArgs(argv: readonly string[], specs: Record<string, FlagSpec>): Args {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.set('help', ['']);
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs[name];
    if (spec === undefined) throw new UsageError(`unknown option --${name}`);
    let value = '';
    if (spec.takesValue) {
      if (eq !== -1) value = arg.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next === undefined) throw new UsageError(`--${name} needs a value`);
        value = next;
        i++;
      }
    } else if (eq !== -1) throw new UsageError(`--${name} takes no value`);
    const prev = flags.get(name);
    if (prev !== undefined && !spec.repeatable) throw new UsageError(`--${name} given twice`);
    flags.set(name, [...(prev ?? []), value]);
  }
  return { positional, flags };
}

/**
 * `city=Municipality,value=Rate (%),disaggregation=Sex,Age`: a part without `=` continues the previous
 * role — another column for the list roles (disaggregation, ignore), or a comma inside the header name
 * for the others.
 */
export function parseMapping(specs: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const spec of specs) {
    let last: { kind: 'scalar'; key: Exclude<keyof ColumnMapping, 'disaggregations' | 'ignore'> } | { kind: 'list'; key: 'disaggregations' | 'ignore' } | undefined;
    for (const part of spec.split(',')) {
      const eq = part.indexOf('=');
      const role = eq === -1 ? undefined : part.slice(0, eq).trim().toLowerCase().replace(/[\s-]/g, '_');
      const scalar = role === undefined ? undefined : SCALAR_ROLES[role];
      const list = role === undefined ? undefined : LIST_ROLES[role];
      if (role !== undefined && (scalar !== undefined || list !== undefined)) {
        const header = part.slice(eq + 1).trim();
        if (header === '') throw new UsageError(`--map: no column given for ${role}`);
        if (scalar !== undefined) {
          mapping[scalar] = header;
          last = { kind: 'scalar', key: scalar };
        } else if (list !== undefined) {
          mapping[list] = [...(mapping[list] ?? []), header];
          last = { kind: 'list', key: list };
        }
        continue;
      }
      if (last === undefined) {
        throw new UsageError(
          role === undefined
            ? `--map: expected role=Column, got "${part}"`
            : `--map: unknown role "${role}" (roles: city, city_code, indicator, year, value, unit, series, source, note, disaggregation, ignore)`,
        );
      }
      if (last.kind === 'list') mapping[last.key] = [...(mapping[last.key] ?? []), part.trim()];
      else mapping[last.key] = `${mapping[last.key] ?? ''},${part}`;
    }
  }
  return mapping;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase() as T;
  if (!allowed.includes(v)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return v;
}

export function single(args: Args, name: string): string | undefined {
  return args.flags.get(name)?.[0];
}

/** Ingest options from the flags shared by validate and normalize. */
export function ingestOptionsFrom(args: Args): IngestOptions {
  const options: IngestOptions = {};
  const encoding = oneOf('encoding', single(args, 'encoding'), ENCODINGS);
  if (encoding !== undefined) options.encoding = encoding as Encoding | 'auto';
  const layout = oneOf('layout', single(args, 'layout'), LAYOUTS);
  if (layout !== undefined) options.layout = layout as Layout | 'auto';
  const delimiter = single(args, 'delimiter');
  if (delimiter !== undefined) {
    const d = DELIMITERS[delimiter.toLowerCase()];
    if (d === undefined) throw new UsageError(`--delimiter must be one of auto, ",", ";", tab, pipe (got "${delimiter}")`);
    options.delimiter = d;
  }
  const decimal = single(args, 'decimal');
  if (decimal !== undefined) {
    const d = DECIMALS[decimal.toLowerCase()];
    if (d === undefined) throw new UsageError(`--decimal must be one of auto, ".", "," (got "${decimal}")`);
    options.decimal = d;
  }
  const map = args.flags.get('map');
  if (map !== undefined) options.mapping = parseMapping(map);
  const city = single(args, 'city');
  if (city !== undefined) {
    if (city.trim() === '') throw new UsageError('--city needs a name');
    options.defaultCity = city.trim();
  }
  const indicator = single(args, 'indicator');
  if (indicator !== undefined) {
    if (indicator.trim() === '') throw new UsageError('--indicator needs a code');
    options.defaultIndicator = indicator.trim();
  }
  return options;
}
