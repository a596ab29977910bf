import type { Registry } from '@/domain/registry';
import { BoundariesPanel } from '@/features/data/boundaries-panel';
import { HeadlineList } from '@/features/data/headline-list';
import { WorkspacePanel } from '@/features/data/workspace-panel';
import { DatasetList } from '@/features/datasets/dataset-list';
import { PlacesPanel } from '@/features/places/places-panel';
import { PublicationList } from '@/features/publish/publication-list';
import { PublishPanel } from '@/features/publish/publish-panel';
import { UploadPanel } from '@/features/upload/upload-panel';
import { useI18n } from '@/i18n/i18n-context';
import type { ObservationTable } from '@/domain/observation-table';
import { ErrorBoundary } from './error-boundary';
import { readCurrentPublication } from './load-built-in';
import type { AppData } from './use-app-data';
import type { useBoundaryFiles } from './use-boundary-files';

/**
 * The Data view: import, the datasets, headline series, places, boundary files and the workspace file.
 * Loaded on demand (app.tsx): its panels and the import code behind them are not part of the first load.
 */
export function DataView({
  data,
  registry,
  placeTables,
  boundaryFiles,
  onDelete,
  homeCityName,
  publicationHref,
}: {
  data: AppData;
  registry: Registry;
  placeTables: readonly ObservationTable[];
  boundaryFiles: ReturnType<typeof useBoundaryFiles>;
  onDelete: (id: string) => void;
  homeCityName?: string;
  /** The link to a view of the current data (undefined) or of an archived publication. */
  publicationHref: (archive: string | undefined) => string;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="page">
      <h1 tabIndex={-1}>{t('data.title')}</h1>
      <ErrorBoundary resetKey={`upload:${lang}`}>
        <UploadPanel
          onImport={data.importDataset}
          findExisting={data.findDataset}
          mappings={data.mappings}
          onSaveMapping={data.saveMapping}
          onDeleteMapping={data.deleteMapping}
          onBoundaryFiles={(files) => void boundaryFiles.add(files)}
          {...(homeCityName !== undefined ? { homeCityName } : {})}
        />
      </ErrorBoundary>
      <ErrorBoundary resetKey={`datasets:${lang}`}>
        {data.loading === null ? (
          <DatasetList
            datasets={data.library}
            onDelete={onDelete}
            onRestoreVersion={data.restoreVersion}
            onSetIncluded={data.setIncluded}
            onDescribe={data.describeDataset}
            merge={data.merge}
          />
        ) : null}
      </ErrorBoundary>
      <ErrorBoundary resetKey={`headlines:${lang}`}>
        {data.loading === null ? (
          <HeadlineList
            datasets={data.library.filter((d) => d.included)}
            registry={registry}
            choices={data.headlineChoices}
            onChoose={(id, indicator, series) => void data.chooseHeadline(indicator, series, id)}
          />
        ) : null}
      </ErrorBoundary>
      <ErrorBoundary resetKey={`places:${lang}`}>
        {data.loading === null ? (
          <PlacesPanel tables={placeTables} gazetteer={data.gazetteer} names={data.cityNames} onSave={data.saveGazetteer} />
        ) : null}
      </ErrorBoundary>
      <ErrorBoundary resetKey={`boundaries:${lang}`}>
        {data.loading === null ? (
          <BoundariesPanel
            sets={data.boundarySets}
            publishedSets={data.publishedBoundarySets}
            tables={placeTables}
            gazetteer={data.gazetteer}
            names={data.cityNames}
            onSave={data.saveBoundarySets}
            onAddFiles={(files) => void boundaryFiles.add(files)}
            reading={boundaryFiles.reading}
            messages={boundaryFiles.messages}
          />
        ) : null}
      </ErrorBoundary>
      <ErrorBoundary resetKey={`publications:${lang}`}>
        {data.loading === null && data.publication !== null ? (
          <PublicationList date={data.publication.currentDate} archives={data.publication.archives} asPublished={data.publication.asPublished} hrefFor={publicationHref} />
        ) : null}
      </ErrorBoundary>
      <ErrorBoundary resetKey={`publish:${lang}`}>
        {data.loading === null && data.publication?.asPublished === undefined ? (
          <PublishPanel
            datasets={data.library}
            boundaries={data.boundarySets}
            gazetteer={data.gazetteer}
            headlineChoices={data.headlineChoices}
            places={data.placesToPublish.names}
            home={data.placesToPublish.home}
            readCurrent={readCurrentPublication}
          />
        ) : null}
      </ErrorBoundary>
      <ErrorBoundary resetKey={`workspace:${lang}`}>
        <WorkspacePanel storageAvailable={data.storageAvailable} revision={data.revision} onExport={data.exportWorkspace} onImport={data.importWorkspace} />
      </ErrorBoundary>
    </div>
  );
}
