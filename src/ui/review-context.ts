import { createContext, useContext } from 'react';
import type { ObservationTable } from '@/domain/observation-table';

/**
 * Data a report or the overview can be compared with ("the last review"): an earlier version of a
 * dataset in use. The views treat an option as opaque: they show its label, keep its `reviewKey` in the
 * URL and hand it back to `load`.
 */
export type ReviewOption = {
  readonly datasetId: string;
  readonly name: string;
  readonly number: number;
  readonly importedAt: number;
  /** An earlier publication of the site (its `data/archive/<archive>/` folder) rather than a dataset version. */
  readonly archive?: string;
};

export type ReviewLoadResult = { ok: true; tables: ObservationTable[] } | { ok: false; message: string };

export type ReviewSettings = {
  readonly options: readonly ReviewOption[];
  /** The tables in use with that option (the data as it was at the review), or why not. */
  readonly load: (option: ReviewOption) => Promise<ReviewLoadResult>;
};

export const ReviewContext = createContext<ReviewSettings>({ options: [], load: () => Promise.resolve({ ok: false, message: 'no saved versions' }) });

export function useReview(): ReviewSettings {
  return useContext(ReviewContext);
}

/**
 * What identifies an option in the URL (`review=<key>`), the same in every view: the dataset and its
 * version number. A new kind of option (a published archive) adds what tells it apart here.
 */
export function reviewKey(option: ReviewOption): string {
  return option.archive !== undefined ? `published:${option.archive}` : `${option.datasetId}:${option.number}`;
}

/** A name isolated with its own direction (FSI…PDI). */
export function isolate(text: string): string {
  return text === '' ? text : `\u2068${text}\u2069`;
}
