import { useI18n } from '@/i18n/i18n-context';
import type { LoadedDataset } from '@/storage/dataset-record';

/**
 * The datasets the app shows: name, date added, counts, and Delete for imported ones (the app offers
 * Undo). Built-in datasets (published or demo) are listed without Delete: they are the deployment's.
 */
export function DatasetList({ datasets, onDelete }: { datasets: readonly LoadedDataset[]; onDelete: (id: string) => void }) {
  const { t, formatNumber, formatDate } = useI18n();
  const builtIn = datasets.length > 0 && datasets.every((d) => d.source !== 'upload');
  return (
    <section className="card datasets" aria-labelledby="datasets-title">
      <h2 id="datasets-title">{t('datasets.title')}</h2>
      {datasets.length === 0 ? <p className="empty">{t('datasets.empty')}</p> : null}
      {builtIn ? <p className="note">{t('datasets.builtInNote')}</p> : null}
      {datasets.length > 0 ? (
        <div className="table-scroll">
          <table className="dataset-table">
            <caption className="visually-hidden">{t('datasets.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('datasets.name')}</th>
                <th scope="col">{t('datasets.kind')}</th>
                <th scope="col">{t('datasets.date')}</th>
                <th scope="col" className="num">
                  {t('datasets.observations')}
                </th>
                <th scope="col" className="num">
                  {t('datasets.cities')}
                </th>
                <th scope="col" className="num">
                  {t('datasets.indicators')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('datasets.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="dataset-name">
                    <bdi>{d.name}</bdi>
                  </th>
                  <td>{t(`datasets.kind.${d.source}`)}</td>
                  <td>{d.createdAt > 0 ? formatDate(d.createdAt) : '—'}</td>
                  <td className="num">{formatNumber(d.table.length)}</td>
                  <td className="num">{formatNumber(d.cityCount)}</td>
                  <td className="num">{formatNumber(d.indicatorCount)}</td>
                  <td className="row-actions">
                    {d.source === 'upload' ? (
                      <button type="button" className="button danger small" aria-label={t('datasets.deleteLabel', { name: d.name })} onClick={() => onDelete(d.id)}>
                        {t('datasets.delete')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
