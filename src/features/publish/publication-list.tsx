import { useId } from 'react';
import { useI18n } from '@/i18n/i18n-context';

/**
 * The site's publications: the current one and the earlier ones kept in `data/archive/<date>/`, each a
 * link that shows every view "as published on" that date (read-only; `published=<date>` in the URL,
 * so the link can be shared and an earlier review's figures reproduced).
 */
export function PublicationList({ date, archives, asPublished, hrefFor }: { date: string | undefined; archives: readonly string[]; asPublished: string | undefined; hrefFor: (archive: string | undefined) => string }) {
  const { t, formatDay } = useI18n();
  const title = useId();
  if (archives.length === 0 && asPublished === undefined) return null;
  return (
    <section className="card publications" aria-labelledby={title} data-testid="publications">
      <h2 id={title}>{t('publication.title')}</h2>
      <p className="intro">{t('publication.intro')}</p>
      <ul>
        <li>
          {asPublished === undefined ? (
            <strong aria-current="true">{date === undefined ? t('publication.current') : t('publication.currentOn', { date: formatDay(date) })}</strong>
          ) : (
            <a href={hrefFor(undefined)}>{date === undefined ? t('publication.current') : t('publication.currentOn', { date: formatDay(date) })}</a>
          )}
        </li>
        {[...archives].reverse().map((a) => (
          <li key={a}>
            {asPublished === a ? <strong aria-current="true">{t('publication.asPublished', { date: formatDay(a) })}</strong> : <a href={hrefFor(a)}>{t('publication.asPublished', { date: formatDay(a) })}</a>}
          </li>
        ))}
      </ul>
    </section>
  );
}
