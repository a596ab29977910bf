import type { ReactNode } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import type { expertFacts } from '@/model/explain-result';
import { formatFact, type TextLocale } from '@/model/explanation-text';

type ExplainCardProps = {
  headingId: string;
  /** The explanation in plain words, one sentence per item. */
  sentences: readonly ReactNode[];
  /** The expert facts (values, rates, thresholds, formulas) behind the status. */
  facts: ReturnType<typeof expertFacts>;
  textLocale: TextLocale;
};

/** "How was this computed": the plain-words explanation, and the expert facts behind a disclosure. */
export function ExplainCard({ headingId, sentences, facts, textLocale }: ExplainCardProps) {
  const { t } = useI18n();
  return (
    <section className="card explain" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('indicator.explain.heading')}</h3>
      <ul className="explain-list">
        {sentences.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ul>
      <details className="expert">
        <summary>{t('indicator.expert.heading')}</summary>
        <dl>
          {facts.map((f) => (
            <div key={f.key}>
              <dt>
                {t(f.key)}
                {'symbol' in f && f.symbol !== '' ? (
                  <>
                    {' '}
                    <bdi dir="ltr" className="symbol">
                      ({f.symbol})
                    </bdi>
                  </>
                ) : null}
              </dt>
              <dd>
                <bdi dir="ltr" className={'formula' in f ? 'formula' : undefined}>
                  {formatFact(f, textLocale)}
                </bdi>
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
