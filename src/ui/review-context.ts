import { createContext, useContext } from 'react';
import type { ObservationTable } from '@/domain/observation-table';

/** An earlier version of a dataset in use, that a report can be compared with ("the last review"). */
export type ReviewOption = { readonly datasetId: string; readonly name: string; readonly number: number; readonly importedAt: number };

export type ReviewSettings = {
  readonly options: readonly ReviewOption[];
  /** The tables in use with that dataset at that version (the data as it was at the review), or why not. */
  readonly load: (datasetId: string, number: number) => Promise<{ ok: true; tables: ObservationTable[] } | { ok: false; message: string }>;
};

export const ReviewContext = createContext<ReviewSettings>({ options: [], load: () => Promise.resolve({ ok: false, message: 'no saved versions' }) });

export function useReview(): ReviewSettings {
  return useContext(ReviewContext);
}
