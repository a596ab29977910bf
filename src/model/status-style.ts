import type { ProgressStatus } from '@/domain/progress/types';

/**
 * How a progress status looks everywhere (badges, charts, exports). Never colour alone: each status has
 * an icon and words, and in charts a decal pattern. Colours are the Okabe–Ito palette, which stays
 * distinguishable with the common colour-vision deficiencies; `tint` is the badge background (text on it
 * is dark, so contrast passes WCAG AA whatever the status colour).
 */
export type StatusStyle = {
  readonly color: string;
  readonly tint: string;
  readonly icon: string;
  /** ECharts decal (pattern over the colour), for bars and areas. */
  readonly decal: { readonly symbol: 'rect' | 'circle' | 'triangle' | 'diamond' | 'arrow' | 'none'; readonly rotation: number; readonly dashArrayX: readonly number[]; readonly dashArrayY: readonly number[] };
};

export const STATUS_STYLE: Readonly<Record<ProgressStatus, StatusStyle>> = {
  target_achieved: { color: '#0072B2', tint: '#dcebf6', icon: '★', decal: { symbol: 'circle', rotation: 0, dashArrayX: [1, 0], dashArrayY: [2, 5] } },
  on_track: { color: '#009E73', tint: '#d9f2ea', icon: '✓', decal: { symbol: 'none', rotation: 0, dashArrayX: [1, 0], dashArrayY: [1, 0] } },
  acceleration_needed: { color: '#F0E442', tint: '#fcf9d6', icon: '↗', decal: { symbol: 'rect', rotation: Math.PI / 4, dashArrayX: [1, 0], dashArrayY: [2, 6] } },
  limited_progress: { color: '#E69F00', tint: '#fbecd2', icon: '→', decal: { symbol: 'rect', rotation: -Math.PI / 4, dashArrayX: [1, 0], dashArrayY: [3, 4] } },
  deterioration: { color: '#D55E00', tint: '#f7e0d1', icon: '↘', decal: { symbol: 'triangle', rotation: 0, dashArrayX: [1, 0], dashArrayY: [3, 3] } },
  insufficient_data: { color: '#999999', tint: '#eeeeee', icon: '?', decal: { symbol: 'diamond', rotation: 0, dashArrayX: [1, 0], dashArrayY: [2, 4] } },
};
