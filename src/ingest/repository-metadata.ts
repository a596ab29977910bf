import Papa from 'papaparse';
import { type DataText, type DatasetIndicator, type DatasetMetadata, DatasetMetadataSchema } from '@/domain/dataset-indicator';
import { parseOpenSdgIndicatorConfig, parseOpenSdgSiteConfig } from '@/domain/progress/opensdg-repository';
import type { TableTranslation } from '@/domain/progress/opensdg-table';
import { buildOpenSdgTranslations, type OpenSdgTranslationFile, type OpenSdgTranslations, translateOpenSdgText } from '@/domain/progress/opensdg-translations';
import { type OpenSdgIssue, readFrontMatter, readOpenSdgYaml } from '@/domain/progress/opensdg-yaml';
import { isBoundaryFileName } from './boundary-schema';
import { decodeBytes } from './decode';
import { indicatorFromFileName } from './detect';

/**
 * A folder chosen or dropped as a whole (an Open SDG data repository, in either layout): which files
 * hold data, which hold metadata, which are maps, and which are neither; and the metadata read into
 * the dataset's own description of its indicators (`DatasetMetadata`). Pure: the caller reads the bytes.
 */

/** What a file of a folder is read as. */
export type RepositoryFileKind = 'data' | 'metadata' | 'boundaries' | 'skipped';

/** The path inside the folder chosen: `bristol/meta/11-1-1.md` → `meta/11-1-1.md` (a lone file: its name). */
export function pathInFolder(path: string): string {
  const parts = path.split('/');
  return parts.length > 1 ? parts.slice(1).join('/') : path;
}

type MetadataRole =
  | { kind: 'site' }
  | { kind: 'translation'; language: string; group: string }
  | { kind: 'mapping' }
  | { kind: 'config'; id: string }
  | { kind: 'front'; id: string }
  | { kind: 'csv'; id: string };

const ID = '([A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,7})';
const META_MD = new RegExp(`^meta_${ID}\\.md$`, 'i');
const META_CSV = new RegExp(`^meta_${ID}\\.csv$`, 'i');
const ID_FILE = new RegExp(`^${ID}\\.(?:md|ya?ml)$`, 'i');

/** The metadata role of a file from its path inside the folder; undefined when it is no metadata. */
function metadataRole(rel: string): MetadataRole | undefined {
  const parts = rel.split('/');
  const name = parts[parts.length - 1] ?? '';
  const dir = parts[parts.length - 2]?.toLowerCase();
  if (/^config_data\.ya?ml$/i.test(name)) return { kind: 'site' };
  if (/^metadata[-_]mapping\.csv$/i.test(name)) return { kind: 'mapping' };
  const t = parts.findIndex((p) => p.toLowerCase() === 'translations');
  if (t !== -1 && parts.length === t + 3 && /\.ya?ml$/i.test(name)) return { kind: 'translation', language: parts[t + 1] ?? '', group: name.replace(/\.ya?ml$/i, '') };
  const md = META_MD.exec(name);
  if (md?.[1] !== undefined) return { kind: 'front', id: md[1] };
  const csv = META_CSV.exec(name);
  if (csv?.[1] !== undefined) return { kind: 'csv', id: csv[1] };
  const own = ID_FILE.exec(name);
  if (own?.[1] !== undefined && dir === 'indicator-config' && /\.ya?ml$/i.test(name)) return { kind: 'config', id: own[1] };
  if (own?.[1] !== undefined && dir === 'meta' && /\.md$/i.test(name)) return { kind: 'front', id: own[1] };
  return undefined;
}

const DATA_FILE = /\.(csv|tsv|txt)$/i;

/** What a file of a folder is read as, from its path (`bristol/meta_11-1-1-c.md` is metadata). */
export function classifyRepositoryFile(path: string): RepositoryFileKind {
  const rel = pathInFolder(path);
  const name = rel.split('/').pop() ?? rel;
  if (isBoundaryFileName(name)) return 'boundaries';
  if (metadataRole(rel) !== undefined) return 'metadata';
  // Metadata tables of other shapes (`metadata.csv`) are not observations either.
  if (/^(meta_.*|metadata(?:[-_].*)?)\.csv$/i.test(name)) return 'skipped';
  if (DATA_FILE.test(name)) return 'data';
  return 'skipped';
}

/** A metadata file and what became of it: the indicator it describes, and a problem when it could not be read. */
export type MetadataFileOutcome = { path: string; indicator?: string; issue?: OpenSdgIssue };

export type RepositoryMetadata = {
  /** The indicators described (validated by `DatasetMetadataSchema`). */
  metadata: DatasetMetadata;
  /** One entry per metadata file given, in the order given. */
  files: MetadataFileOutcome[];
};

/** The indicator code a repository id stands for, as its data file's rows are filed (`11-1-1-c` → `11.1.1.c`). */
function codeOfId(id: string): string | undefined {
  return /^archived-/i.test(id) ? indicatorFromFileName(`${id}.csv`) : indicatorFromFileName(`indicator_${id}.csv`);
}

/** Open SDG's labels of `meta_*.csv` rows (its `metadata-mapping.csv`), used when the folder has no mapping file. */
const DEFAULT_CSV_LABELS: Readonly<Record<string, string>> = {
  'indicator name': 'indicator_name',
  'indicator available': 'indicator_available',
  'indicator description': 'indicator_description',
  'unit of measurement': 'computation_units',
  definitions: 'computation_definitions',
  'graph title': 'graph_title',
};

const TITLE_KEYS = ['indicator_name', 'indicator_available', 'graph_title'];
const UNIT_KEYS = ['computation_units'];
const DEFINITION_KEYS = ['computation_definitions', 'indicator_definition', 'national_indicator_description', 'indicator_description'];

/** A translation key left untranslated (`localised_indicators.11-1-1-c-title`): no text to show. */
function isTranslationKey(text: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+$/.test(text) && !/^\d/.test(text);
}

const MAX_TEXT = 5000;

/** Metadata text for display: markup removed, spaces collapsed, at most MAX_TEXT characters. */
function plainText(raw: string): string {
  const text = raw.replace(/<[^>]{0,500}>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

type YamlSource = { path: string; text: string; value: unknown };
type Sources = { config?: YamlSource; front?: YamlSource; csv?: Record<string, string> };

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function csvRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: true });
  return parsed.data.filter((row): row is string[] => Array.isArray(row));
}

/**
 * The dataset's own description of its indicators, from the metadata files of a folder (paths as
 * picked, e.g. `bristol/meta_11-1-1-c.md`): titles, units and definitions in every language the
 * repository's translations give (a translation key nobody translated is no title), and the headline
 * series its `progress_calculation_options` name. `indicator-config/<id>.yml` wins over `meta/<id>.md`
 * front matter (as for `progress --opensdg`), both over `meta_<id>.csv`. Never throws: a file that
 * cannot be read is reported with its problem and left out.
 */
export function readRepositoryMetadata(files: readonly { path: string; bytes: Uint8Array }[]): RepositoryMetadata {
  const outcomes: MetadataFileOutcome[] = files.map((f) => ({ path: f.path }));
  const texts = files.map((f) => decodeBytes(f.bytes, { encoding: 'auto' }).text);
  const roles = files.map((f) => metadataRole(pathInFolder(f.path)));

  let siteText: string | null = null;
  const translationFiles: OpenSdgTranslationFile[] = [];
  const labels = new Map(Object.entries(DEFAULT_CSV_LABELS));
  roles.forEach((role, i) => {
    const text = texts[i] ?? '';
    if (role?.kind === 'site') siteText ??= text;
    else if (role?.kind === 'translation') translationFiles.push({ language: role.language, group: role.group, text });
    else if (role?.kind === 'mapping') for (const [label, key] of csvRows(text)) if (label !== undefined && key !== undefined && key.trim() !== '') labels.set(label.trim().toLowerCase(), key.trim());
  });
  const { config: site, issues: siteIssues } = parseOpenSdgSiteConfig(siteText);
  const built = buildOpenSdgTranslations(translationFiles);
  const translations: OpenSdgTranslations = built.translations;
  const fileIssues = new Map<string, OpenSdgIssue>();
  for (const issue of [...siteIssues, ...built.issues]) fileIssues.set(issue.file, issue);
  const base = site.language ?? 'en';
  const languages = [...new Set([base, ...site.languages, ...translationFiles.map((f) => f.language)])].filter((l) => /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/.test(l));
  const translation: TableTranslation = site.language === null ? null : { translations, language: site.language };

  // Archived indicators first, so that a live indicator's metadata wins for the same code.
  const order = roles.map((_, i) => i).sort((a, b) => Number(/(^|\/)(meta_)?archived-/i.test(files[b]?.path ?? '')) - Number(/(^|\/)(meta_)?archived-/i.test(files[a]?.path ?? '')));
  const sources = new Map<string, Sources>();
  for (const i of order) {
    const role = roles[i];
    const outcome = outcomes[i];
    const file = files[i];
    if (role === undefined || outcome === undefined || file === undefined) continue;
    if (role.kind === 'site' || role.kind === 'translation' || role.kind === 'mapping') {
      const issue = role.kind === 'site' ? fileIssues.get('config_data.yml') : role.kind === 'translation' ? fileIssues.get(`translations/${role.language}/${role.group}.yml`) : undefined;
      if (issue !== undefined) outcome.issue = issue;
      continue;
    }
    const code = codeOfId(role.id);
    if (code === undefined) continue;
    outcome.indicator = code;
    const entry = sources.get(code) ?? {};
    sources.set(code, entry);
    const text = texts[i] ?? '';
    if (role.kind === 'csv') {
      const record: Record<string, string> = { ...entry.csv };
      for (const [label, value] of csvRows(text)) {
        if (label === undefined || value === undefined || value.trim() === '') continue;
        const key = labels.get(label.trim().toLowerCase()) ?? label.trim();
        record[key] = value;
      }
      entry.csv = record;
      continue;
    }
    const yaml = role.kind === 'front' ? readFrontMatter(text) : text;
    if (yaml === undefined) continue;
    const read = readOpenSdgYaml(yaml);
    if (!read.ok) {
      outcome.issue = { code: 'invalid_yaml', file: pathInFolder(file.path), detail: read.message };
      continue;
    }
    if (role.kind === 'config') entry.config = { path: file.path, text: yaml, value: read.value };
    else entry.front = { path: file.path, text: yaml, value: read.value };
  }

  const indicators: Record<string, DatasetIndicator> = {};
  for (const [code, src] of sources) {
    const yamlSource = src.config ?? src.front;
    const yamlRecord = yamlSource === undefined ? undefined : asRecord(yamlSource.value);
    const recordsFor = (language: string): Record<string, unknown>[] => {
      const out: Record<string, unknown>[] = [];
      if (yamlRecord !== undefined) {
        // A per-language sub-mapping (`fr: { indicator_name: … }`) overrides the top level, as in Open SDG.
        const own = asRecord(yamlRecord[language]);
        out.push(own === undefined ? yamlRecord : { ...yamlRecord, ...own });
      }
      if (src.csv !== undefined) out.push(src.csv);
      return out;
    };
    const field = (keys: readonly string[]): DataText | undefined => {
      const out: Record<string, string> = {};
      for (const language of languages) {
        const text = textIn(recordsFor(language), keys, language, language === base, translations);
        if (text !== undefined) out[language] = text;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    };
    const ind: DatasetIndicator = {};
    const title = field(TITLE_KEYS);
    const unit = field(UNIT_KEYS);
    const definition = field(DEFINITION_KEYS);
    if (title !== undefined) ind.title = title;
    if (unit !== undefined) ind.unit = unit;
    if (definition !== undefined) ind.definition = definition;
    // Only a configuration with progress options can name a headline (parsing it again costs as much as reading it).
    const hasOptions = yamlRecord !== undefined && ('progress_calculation_options' in yamlRecord || languages.some((l) => asRecord(yamlRecord[l])?.progress_calculation_options !== undefined));
    if (yamlSource !== undefined && hasOptions) {
      const id = yamlSource.path.split('/').pop()?.replace(/^meta_/i, '').replace(/\.(md|ya?ml)$/i, '') ?? code;
      const { config } = parseOpenSdgIndicatorConfig(id, yamlSource.text, translation);
      const first = config?.kind === 'auto' ? config.options[0] : undefined;
      // Only the first option is the headline, and only a whole series (no disaggregation filter) is a series choice.
      if (first?.kind === 'series' && first.spec.series !== undefined && first.spec.series !== null && first.spec.disaggregation.length === 0) {
        const series = String(first.spec.series).trim();
        if (series !== '' && series.length <= 500) ind.headlineSeries = series;
      }
    }
    if (Object.keys(ind).length > 0) indicators[code] = ind;
  }

  const checked = DatasetMetadataSchema.safeParse({ indicators });
  return { metadata: checked.success ? checked.data : { indicators: {} }, files: outcomes };
}

/**
 * The first text the records give under one of `keys` in `language`: a translation key translated
 * into that language, or (in the repository's own language only) a plain text.
 */
function textIn(records: readonly Record<string, unknown>[], keys: readonly string[], language: string, isBase: boolean, translations: OpenSdgTranslations): string | undefined {
  for (const record of records) {
    for (const key of keys) {
      const value = record[key];
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const raw = String(value).trim();
      if (raw === '') continue;
      const translated = translateOpenSdgText(translations, raw, language, []);
      if (translated !== raw) {
        const text = plainText(translated);
        if (text !== '') return text;
        continue;
      }
      if (isTranslationKey(raw)) continue;
      // An untranslated text is in the repository's own language, not in this one.
      if (!isBase) return undefined;
      const text = plainText(raw);
      if (text !== '') return text;
    }
  }
  return undefined;
}
