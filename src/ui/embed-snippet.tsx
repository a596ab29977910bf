import { useId, useState } from 'react';
import { useI18n } from '@/i18n/i18n-context';

/**
 * "Embed": the <iframe> code that shows a chart of this site on another web page (`#/embed/…`), to
 * copy. The page that embeds it must be allowed by this site's `frame-ancestors` policy (README).
 */
export function EmbedSnippet({ hash, title }: { hash: string; title: string }) {
  const { t } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const src = `${location.origin}${location.pathname}${hash}`;
  const code = `<iframe src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="${title.replace(/[<>"&]/g, ' ')}" width="800" height="620" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <details className="figure-export embed-snippet" data-testid="embed-snippet">
      <summary className="button secondary small">{t('embed.menu')}</summary>
      <div className="figure-export-items">
        <label htmlFor={id} className="hint">
          {t('embed.intro')}
        </label>
        <textarea id={id} readOnly rows={3} value={code} dir="ltr" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button small" onClick={() => void copy()}>
          {t('embed.copy')}
        </button>
        <span role="status">{copied ? t('embed.copied') : ''}</span>
      </div>
    </details>
  );
}
