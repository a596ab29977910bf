import type { ProgressStatus } from '@/domain/progress/types';
import { useI18n } from '@/i18n/i18n-context';
import { STATUS_STYLE } from '@/model/status-style';

/** A status as colour, icon and words (the words carry the meaning; the icon and colour repeat it). */
export function StatusBadge({ status }: { status: ProgressStatus }) {
  const { t } = useI18n();
  const style = STATUS_STYLE[status];
  return (
    <span className="status-badge" data-status={status} style={{ background: style.tint, borderInlineStartColor: style.color }}>
      <span className="status-icon" aria-hidden="true" style={{ color: status === 'acceleration_needed' ? '#6b6200' : style.color }}>
        {style.icon}
      </span>
      {t(`status.${status}`)}
    </span>
  );
}
