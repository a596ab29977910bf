import { type DatasetIndicator, dataText } from '@/domain/dataset-indicator';
import type { Indicator } from '@/domain/indicator';
import { useI18n } from '@/i18n/i18n-context';
import { dirOf } from '@/i18n/lang';
import { localized } from '@/model/indicator-model';
import { LtrIsolatedText } from '@/ui/ltr-isolated-text';

type IndicatorMetadataProps = {
  headingId: string;
  /** The registry's entry; undefined when the indicator is not in the registry. */
  meta: Indicator | undefined;
  /** The dataset's own description of an indicator the registry does not know; undefined when none. */
  described?: DatasetIndicator | undefined;
  sources: readonly string[];
  datasetNames: readonly string[];
  fmt: (v: number) => string;
  fmtYear: (y: number) => string;
};

/** The indicator's metadata: definition, unit, direction, target and its source, base year, custodian, tier; the data's sources and datasets. */
export function IndicatorMetadata({ headingId, meta, described, sources, datasetNames, fmt, fmtYear }: IndicatorMetadataProps) {
  const { t, lang } = useI18n();
  // Right to left, "100 %" and codes such as 11.a.1 are isolated so they keep their order (ltr-runs.ts).
  const text = (s: string) => (dirOf(lang) === 'rtl' ? <LtrIsolatedText text={s} /> : s);
  return (
    <section className="card meta" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('indicator.meta.heading')}</h3>
      {meta === undefined && described !== undefined ? (
        <>
          <p className="meta-own">{t('indicator.ownDefinition')}</p>
          <dl className="meta-list">
            {dataText(described.definition, lang) !== undefined ? (
              <div>
                <dt>{t('indicator.meta.definition')}</dt>
                <dd>{text(dataText(described.definition, lang) ?? '')}</dd>
              </div>
            ) : null}
            {dataText(described.unit, lang) !== undefined ? (
              <div>
                <dt>{t('indicator.meta.unit')}</dt>
                <dd>{text(dataText(described.unit, lang) ?? '')}</dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : meta === undefined ? (
        <p>{t('indicator.meta.notInRegistry')}</p>
      ) : (
        <dl className="meta-list">
          {meta.definition ? (
            <div>
              <dt>{t('indicator.meta.definition')}</dt>
              <dd>{text(localized(meta.definition, lang))}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('indicator.meta.unit')}</dt>
            <dd>{localized(meta.unit, lang)}</dd>
          </div>
          <div>
            <dt>{t('indicator.meta.direction')}</dt>
            <dd>{meta.direction === 'increase' ? t('indicator.meta.increase') : t('indicator.meta.decrease')}</dd>
          </div>
          <div>
            <dt>{t('indicator.meta.target')}</dt>
            <dd>{meta.goalTarget ? t('indicator.meta.targetValue', { value: fmt(meta.goalTarget.value), year: fmtYear(meta.goalTarget.year) }) : t('indicator.noTarget')}</dd>
          </div>
          {meta.goalTarget ? (
            <div>
              <dt>{t('indicator.meta.targetSource')}</dt>
              <dd>{text(localized(meta.goalTarget.source, lang))}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('indicator.meta.baseYear')}</dt>
            <dd>{fmtYear(meta.baseYear)}</dd>
          </div>
          {meta.target ? (
            <div>
              <dt>{t('indicator.meta.sdgTarget')}</dt>
              <dd>
                <bdi dir="ltr">{meta.target}</bdi>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('indicator.meta.custodian')}</dt>
            <dd>{localized(meta.custodian, lang)}</dd>
          </div>
          <div>
            <dt>{t('indicator.meta.tier')}</dt>
            <dd>{meta.tier}</dd>
          </div>
        </dl>
      )}
      <dl className="meta-list">
        {sources.length > 0 ? (
          <div>
            <dt>{t('indicator.meta.sources')}</dt>
            <dd>{sources.join(' · ')}</dd>
          </div>
        ) : null}
        {datasetNames.length > 0 ? (
          <div>
            <dt>{t('indicator.meta.datasets')}</dt>
            <dd>{datasetNames.join(' · ')}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
