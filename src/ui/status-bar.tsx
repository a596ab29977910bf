import { useCallback, useId, useMemo } from 'react';
import type { StatusCounts } from '@/domain/progress/rollups';
import { PROGRESS_STATUSES, type ProgressStatus } from '@/domain/progress/types';
import { STATUS_STYLE } from '@/model/status-style';
import { useI18n } from '@/i18n/i18n-context';
import './status-bar.css';

/**
 * Counts by status as one compact stacked bar: each status its colour with its decal pattern drawn
 * over it (never colour alone), segments in status order from the start edge (so right to left in
 * Arabic, by the flex direction). The bar is an image whose label lists the counts in words; callers
 * also show the counts as text next to it.
 */
export function StatusBar({ counts, label, className }: { counts: StatusCounts; label: string; className?: string }) {
  const prefix = `sb${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const shown = PROGRESS_STATUSES.filter((s) => counts[s] > 0);
  return (
    <div className={`status-bar ${className ?? ''}`} role="img" aria-label={label}>
      <svg className="status-bar-defs" width="0" height="0" aria-hidden="true" focusable="false">
        <defs>
          {shown.map((s) => (
            <DecalPattern key={s} id={`${prefix}-${s}`} status={s} />
          ))}
        </defs>
      </svg>
      {shown.map((s) => (
        <span key={s} className="status-bar-segment" data-status={s} style={{ flexGrow: counts[s] }}>
          <svg width="100%" height="100%" aria-hidden="true" focusable="false">
            <rect width="100%" height="100%" fill={STATUS_STYLE[s].color} />
            {STATUS_STYLE[s].decal.symbol === 'none' ? null : <rect width="100%" height="100%" fill={`url(#${prefix}-${s})`} />}
          </svg>
        </span>
      ))}
    </div>
  );
}

const MARK = 'rgb(0 0 0 / 38%)';

/** The decal of a status as an SVG pattern (dots, diagonal stripes, triangles or diamonds). */
function DecalPattern({ id, status }: { id: string; status: ProgressStatus }) {
  const { symbol, rotation } = STATUS_STYLE[status].decal;
  const deg = Math.round((rotation * 180) / Math.PI);
  switch (symbol) {
    case 'circle':
      return (
        <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
          <circle cx="3" cy="3" r="1.4" fill={MARK} />
        </pattern>
      );
    case 'rect':
    case 'arrow':
      return (
        <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={`rotate(${deg})`}>
          <rect x="0" y="0" width="2" height="6" fill={MARK} />
        </pattern>
      );
    case 'triangle':
      return (
        <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
          <path d="M4 1.5 L7 6.5 L1 6.5 Z" fill={MARK} />
        </pattern>
      );
    case 'diamond':
      return (
        <pattern id={id} width="7" height="7" patternUnits="userSpaceOnUse">
          <path d="M3.5 1 L6 3.5 L3.5 6 L1 3.5 Z" fill={MARK} />
        </pattern>
      );
    case 'none':
      return null;
    default:
      return assertNever(symbol);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected decal ${String(x)}`);
}

/**
 * The counts in words in the UI language ("On track: 3, Deterioration: 1"; statuses with a count only),
 * each item written by `item` (the catalogue's wording and punctuation).
 */
export function useCountsText(item: (status: ProgressStatus, count: number) => string): (counts: StatusCounts) => string {
  const { lang } = useI18n();
  const list = useMemo(() => new Intl.ListFormat(lang, { style: 'short', type: 'unit' }), [lang]);
  return useCallback((counts) => list.format(PROGRESS_STATUSES.filter((s) => counts[s] > 0).map((s) => item(s, counts[s]))), [list, item]);
}

/** Compact counts: the status icon and the number, the status words for screen readers and on hover. */
export function StatusChips({ counts }: { counts: StatusCounts }) {
  const { t, formatNumber } = useI18n();
  return (
    <ul className="status-chips">
      {PROGRESS_STATUSES.filter((s) => counts[s] > 0).map((s) => (
        <li key={s} className="status-chip" data-status={s} title={t(`status.${s}`)} style={{ borderColor: STATUS_STYLE[s].color, background: STATUS_STYLE[s].tint }}>
          <span aria-hidden="true" className="status-chip-icon">
            {STATUS_STYLE[s].icon}
          </span>
          <span className="visually-hidden">{`${t(`status.${s}`)}: `}</span>
          <bdi>{formatNumber(counts[s])}</bdi>
        </li>
      ))}
    </ul>
  );
}
