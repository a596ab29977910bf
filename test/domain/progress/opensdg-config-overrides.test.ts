import { describe, expect, it } from 'vitest';
import { configOverride } from '@/domain/progress/opensdg-config-overrides';
import { parseOpenSdgIndicatorConfig } from '@/domain/progress/opensdg-repository';

function parse(yml: string) {
  const { config } = parseOpenSdgIndicatorConfig('11-6-2', yml, null);
  if (config === null) throw new Error('not a config');
  return configOverride(config);
}

describe('configOverride', () => {
  it('no options: Open SDG defaults (decrease, no target, 2015 → 2030), headline series', () => {
    expect(parse('auto_progress_calculation: true\n')).toMatchObject({
      kind: 'override',
      config: { direction: 'decrease', target: null, baseYear: 2015, targetYear: 2030, limit: null },
      warnings: [],
    });
  });
  it('a target, a limit and series filters, groups kept', () => {
    const o = parse(
      'auto_progress_calculation: true\nprogress_calculation_options:\n  - group:\n    - series: PM2.5\n      direction: positive\n      target: 10\n      target_year: 2035\n      base_year: 2016\n    - series: PM2.5\n      direction: positive\n      target: 10\n      target_year: 2035\n      base_year: 2016\n      disaggregation:\n        - field: Sex\n          value: Female\n',
    );
    expect(o).toEqual({
      kind: 'override',
      warnings: [],
      config: {
        direction: 'increase',
        target: { value: 10, year: 2035 },
        baseYear: 2016,
        targetYear: 2035,
        limit: null,
        progressSeries: [{ group: [{ series: 'PM2.5' }, { series: 'PM2.5', disaggregation: { Sex: 'Female' } }] }],
      },
    });
  });
  it('series with different settings: the first applies, with a warning', () => {
    const o = parse('auto_progress_calculation: true\nprogress_calculation_options:\n  - series: A\n    direction: positive\n  - series: B\n');
    expect(o.kind === 'override' ? o.warnings : []).toHaveLength(1);
  });
  it('a manual status', () => {
    expect(parse('auto_progress_calculation: "true"\nprogress_status: target_achieved\n')).toEqual({ kind: 'manual', progressStatus: 'target_achieved' });
  });
});
