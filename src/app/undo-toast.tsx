import { useEffect } from 'react';
import { useI18n } from '@/i18n/i18n-context';

export const UNDO_WINDOW_MS = 10_000;

/** "Deleted X. [Undo]" for ten seconds; then `onExpire` (the app purges the dataset for good). */
export function UndoToast({ name, onUndo, onExpire }: { name: string; onUndo: () => void; onExpire: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    const timer = setTimeout(onExpire, UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [onExpire]);
  return (
    <div className="toast">
      <span>{t('datasets.deleted', { name })}</span>
      <button type="button" className="button small toast-undo" onClick={onUndo}>
        {t('datasets.undo')}
      </button>
      <button type="button" className="button small toast-close" aria-label={t('datasets.dismiss')} onClick={onExpire}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
