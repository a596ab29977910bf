import * as z from 'zod/mini';

/**
 * The observatory's own cover of its city report: title, subtitle, organisation, logo, foreword, date
 * and period as the observatory wants them printed, saved per city (the partner edition shows both
 * cities' organisations and logos). Blank fields fall back to Marsad's own cover text. Kept in the
 * settings store and in workspace files as JSON, and read by the CLI from a small JSON or YAML file
 * (`figures --report-config`); read only through {@link ReportCoverSchema}.
 */

/** Largest logo kept: a data URL of a PNG, JPEG or WebP image (never SVG, which can carry scripts). */
export const MAX_LOGO_BYTES = 300 * 1024;
const LOGO_URL = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export const ReportCoverSchema = z.object({
  title: z.optional(z.string().check(z.maxLength(200))),
  subtitle: z.optional(z.string().check(z.maxLength(300))),
  organisation: z.optional(z.string().check(z.maxLength(300))),
  /** A data URL (`data:image/png;base64,…`). */
  logo: z.optional(z.string().check(z.maxLength(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40), z.regex(LOGO_URL, 'a PNG, JPEG or WebP image as a data URL'))),
  foreword: z.optional(z.string().check(z.maxLength(5000))),
  /** The date printed on the cover ("June 2026"), instead of the day the report was made. */
  date: z.optional(z.string().check(z.maxLength(100))),
  /** The period printed on the cover ("2015–2025"), instead of the years of the data. */
  period: z.optional(z.string().check(z.maxLength(100))),
});
export type ReportCover = z.infer<typeof ReportCoverSchema>;

/** The setting the covers are saved under (JSON text: city key → cover). */
export const REPORT_COVERS_SETTING = 'reportCovers';

export const ReportCoversSchema = z.record(z.string().check(z.maxLength(200)), ReportCoverSchema);
export type ReportCovers = z.infer<typeof ReportCoversSchema>;

/** Saved covers from their JSON text; an unreadable text is reported and read as none. */
export function parseReportCovers(text: string | undefined): { covers: ReportCovers; problem?: string } {
  if (text === undefined || text === '') return { covers: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { covers: {}, problem: 'not JSON' };
  }
  const parsed = ReportCoversSchema.safeParse(json);
  if (!parsed.success) return { covers: {}, problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  return { covers: parsed.data };
}

/** A cover with blank fields dropped (so Marsad's defaults apply), or undefined when nothing is left. */
export function cleanCover(cover: ReportCover): ReportCover | undefined {
  const out: ReportCover = {};
  for (const key of ['title', 'subtitle', 'organisation', 'logo', 'foreword', 'date', 'period'] as const) {
    const v = cover[key]?.trim();
    if (v !== undefined && v !== '') out[key] = v;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Covers with one city's cover set (or removed when it is empty). */
export function withCover(covers: ReportCovers, cityKey: string, cover: ReportCover): ReportCovers {
  const clean = cleanCover(cover);
  const next = { ...covers };
  if (clean === undefined) delete next[cityKey];
  else next[cityKey] = clean;
  return next;
}

/** The image type of a logo file, from its first bytes (not its name): PNG, JPEG or WebP; undefined otherwise. */
export function logoType(bytes: Uint8Array): 'png' | 'jpeg' | 'webp' | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46 && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'webp';
  return undefined;
}
