import type { RegistryProblem } from '@/domain/registry';
import { useI18n } from '@/i18n/i18n-context';
import type { Notice } from './use-app-data';

/** Problems with the indicator registry: file and what is wrong, dismissible. */
export function RegistryBanner({ problems, onDismiss }: { problems: readonly RegistryProblem[]; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div className="banner banner-warning" role="region" aria-labelledby="registry-title">
      <div className="banner-body">
        <h2 id="registry-title">{t('registry.title')}</h2>
        <p>{t('registry.intro')}</p>
        <ul>
          {problems.map((p) => (
            <li key={p.file}>
              <code dir="ltr">{p.file}</code>: <span dir="ltr">{p.problems.join('; ')}</span>
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="button secondary small" onClick={onDismiss}>
        {t('registry.dismiss')}
      </button>
    </div>
  );
}

export function NoticeList({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: string) => void }) {
  const { t } = useI18n();
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`banner banner-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          <div className="banner-body">
            <p>{t(n.key, n.params)}</p>
            {n.details && n.details.length > 1 ? (
              <ul dir="ltr">
                {n.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <button type="button" className="button secondary small" onClick={() => onDismiss(n.id)}>
            {t('registry.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
