import { useI18n } from '@/i18n/i18n-context';
import type { SavedMapping } from '@/storage/mapping-record';

const SHOWN_COLUMNS = 6;

/**
 * The saved column mappings: for which file and columns, when, and Delete. A mapping is offered again
 * when a file with the same columns is read.
 */
export function SavedMappings({ mappings, busy, onDelete }: { mappings: readonly SavedMapping[]; busy: boolean; onDelete: (m: SavedMapping) => void }) {
  const { t, formatDate } = useI18n();
  return (
    <details className="saved-mappings">
      <summary>{t('mappings.title', { count: mappings.length })}</summary>
      {mappings.length === 0 ? (
        <p className="hint">{t('mappings.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('mappings.intro')}</p>
          <ul className="saved-mapping-list">
            {mappings.map((m) => (
              <li key={m.signature}>
                <div className="saved-mapping-text">
                  <strong>
                    <bdi>{m.fileName}</bdi>
                  </strong>
                  <span className="hint">{t('mappings.savedOn', { date: formatDate(m.savedAt) })}</span>
                  <span className="hint">
                    {t('mappings.columns')}{' '}
                    {m.header.slice(0, SHOWN_COLUMNS).map((h, i) => (
                      <span key={i}>
                        {i > 0 ? t('list.separator') : ''}
                        <bdi>{h}</bdi>
                      </span>
                    ))}
                    {m.header.length > SHOWN_COLUMNS ? ` ${t('mappings.more', { count: m.header.length - SHOWN_COLUMNS })}` : ''}
                  </span>
                </div>
                <button type="button" className="button danger small" disabled={busy} aria-label={t('mappings.deleteLabel', { name: m.fileName })} onClick={() => onDelete(m)}>
                  {t('mappings.delete')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
