import { useCallback, useState } from 'react';
import type { ObservationTable } from '@/domain/observation-table';
import type { BoundaryMessage } from '@/features/data/boundaries-panel';
import { useI18n } from '@/i18n/i18n-context';
import { readBoundaryFile } from '@/ingest/boundaries-client';
import { boundaryProblemText } from '@/model/boundary-text';
import type { CityNames } from '@/model/dashboard-model';
import type { Gazetteer } from '@/model/gazetteer';
import { listPlaces } from '@/model/places-model';
import { type BoundarySet, newBoundarySet } from '@/storage/boundary-record';


/**
 * Adding boundary files, from the Data view's button or with a dropped folder: each file read in the
 * boundary worker, saved as a set of the city whose districts match most (or of no city yet, when its
 * districts are not loaded), and what happened said file by file.
 */
export function useBoundaryFiles(options: {
  sets: readonly BoundarySet[];
  save: (next: BoundarySet[]) => Promise<{ ok: true } | { ok: false; key: Parameters<ReturnType<typeof useI18n>['t']>[0]; params?: Record<string, string | number> }>;
  tables: readonly ObservationTable[];
  gazetteer: Gazetteer;
  names: CityNames;
}): { add: (files: File[]) => Promise<void>; reading: string | null; messages: BoundaryMessage[] } {
  const { t, lang, digits, formatNumber } = useI18n();
  const [reading, setReading] = useState<string | null>(null);
  const [messages, setMessages] = useState<BoundaryMessage[]>([]);
  const { sets, save, tables, gazetteer, names } = options;

  const add = useCallback(
    async (files: File[]) => {
      // The join and map code is not part of the first load: it comes with the first file added.
      const [{ bestCity, districtGroups, joinGroup }, { CITIES_LEVEL }] = await Promise.all([import('@/model/boundary-places'), import('@/model/map-model')]);
      const groups = districtGroups(listPlaces(tables, gazetteer));
      const added: BoundarySet[] = [];
      const out: BoundaryMessage[] = [];
      for (const file of files) {
        setReading(file.name);
        const read = await readBoundaryFile(file);
        if (!read.ok) {
          out.push({ tone: 'error', text: 'problem' in read ? boundaryProblemText(read.problem, file.name, lang, digits) : t('boundaries.problem.failed', { file: file.name, why: read.failed }) });
          continue;
        }
        const city = bestCity(read.shapes.features, groups, names);
        const set = newBoundarySet(read.shapes, file.name, city);
        added.push(set);
        const joined = city === '' ? undefined : joinGroup(set.features, groups, city, undefined, names);
        const notes = [
          joined === undefined
            ? t('boundaries.savedNoCity', { name: set.name, count: set.features.length })
            : joined.group.city.key === CITIES_LEVEL
              ? t('boundaries.savedCities', { name: set.name, matched: joined.join.matched, total: joined.join.matched + joined.join.placesWithoutShape.length })
              : t('boundaries.saved', { name: set.name, matched: joined.join.matched, total: joined.join.matched + joined.join.placesWithoutShape.length, city: joined.group.city.name }),
          ...(read.shapes.displayPoints < read.shapes.points ? [t('boundaries.simplified', { points: formatNumber(read.shapes.points), kept: formatNumber(read.shapes.displayPoints) })] : []),
          ...(read.shapes.skipped.notPolygon + read.shapes.skipped.noGeometry + read.shapes.skipped.broken.length > 0
            ? [t('boundaries.skipped', { notPolygon: read.shapes.skipped.notPolygon, noGeometry: read.shapes.skipped.noGeometry, broken: read.shapes.skipped.broken.length })]
            : []),
        ];
        out.push({ tone: 'info', text: notes.join(' '), ...(joined === undefined ? { pending: true } : {}) });
      }
      setReading(null);
      if (added.length > 0) {
        const r = await save([...sets, ...added]);
        if (!r.ok) out.push({ tone: 'error', text: t(r.key, r.params) });
      }
      setMessages(out);
    },
    [tables, gazetteer, names, sets, save, t, lang, digits, formatNumber],
  );
  return { add, reading, messages };
}
