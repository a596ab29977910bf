import { createContext, useContext } from 'react';
import type { MessageKey } from '@/i18n/messages-en';
import type { MessageParams } from '@/i18n/translate';
import type { ReportCovers } from '@/model/report-cover';

export type ReportCoverSettings = {
  readonly covers: ReportCovers;
  /** Saves every city's cover; resolves to a message key when it could not be saved. */
  readonly save: (next: ReportCovers) => Promise<{ ok: true } | { ok: false; key: MessageKey; params?: MessageParams }>;
};

/** The observatory's report covers (saved in this browser and in workspace files), for the report view. */
export const ReportCoverContext = createContext<ReportCoverSettings>({ covers: {}, save: () => Promise.resolve({ ok: true }) });

export function useReportCovers(): ReportCoverSettings {
  return useContext(ReportCoverContext);
}
