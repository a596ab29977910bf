import * as z from 'zod/mini';
import type { ColumnMapping } from '@/ingest/types';
import { ColumnMappingSchema } from '@/ingest/worker-protocol';

/** Version of the stored mapping shape. */
export const MAPPING_RECORD_VERSION = 1;

/**
 * A column mapping the user saved, kept in the `mappings` store under the header signature of the file
 * it was made for, so that a file with the same columns gets it offered again.
 */
export type SavedMapping = {
  version: typeof MAPPING_RECORD_VERSION;
  /** `headerSignature(header)`: the store key. */
  signature: string;
  /** The header as written in the file the mapping was made for (for the list). */
  header: string[];
  mapping: ColumnMapping;
  /** City for every row, for files without a city column. */
  defaultCity?: string;
  /** Indicator for every row, for files without an indicator column. */
  defaultIndicator?: string;
  /** Name of the file it was made for. */
  fileName: string;
  /** Epoch milliseconds. */
  savedAt: number;
};

export const SavedMappingSchema = z.object({
  version: z.literal(MAPPING_RECORD_VERSION),
  signature: z.string().check(z.minLength(1), z.maxLength(200_000)),
  header: z.array(z.string().check(z.maxLength(10_000))).check(z.maxLength(10_000)),
  mapping: ColumnMappingSchema,
  defaultCity: z.optional(z.string().check(z.maxLength(1000))),
  defaultIndicator: z.optional(z.string().check(z.maxLength(200))),
  fileName: z.string().check(z.maxLength(1000)),
  savedAt: z.number(),
}) satisfies z.ZodMiniType<SavedMapping>;

/**
 * The normalised header row that identifies files with the same columns: each cell without bidi
 * marks, BOM and odd spaces, in NFC, trimmed and lower-cased (`City `, `city` and `CITY` are one
 * column); order matters. Returned as JSON so no cell text can collide with a separator.
 */
export function headerSignature(header: readonly string[]): string {
  return JSON.stringify(
    header.map((h) =>
      h
        .replace(/[\uFEFF\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, '')
        .replace(/[\s\u00A0\u202F]+/g, ' ')
        .normalize('NFC')
        .trim()
        .toLocaleLowerCase('en'),
    ),
  );
}
