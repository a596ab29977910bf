import { Fragment } from 'react';
import { ltrRuns } from '@/i18n/ltr-runs';

/**
 * Text for a right-to-left page whose numbers with a unit ("100 %"), signed or compared numbers and indicator
 * codes are each isolated left to right (`<bdi dir="ltr">`), so the bidi algorithm does not move "%" or the
 * sign to the other end (see `ltrRuns`). Plain text otherwise; React escapes it.
 */
export function LtrIsolatedText({ text }: { text: string }) {
  return (
    <>
      {ltrRuns(text).map((r, i) =>
        r.ltr ? (
          <bdi key={i} dir="ltr">
            {r.text}
          </bdi>
        ) : (
          <Fragment key={i}>{r.text}</Fragment>
        ),
      )}
    </>
  );
}
