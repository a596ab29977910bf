/**
 * The records of a delimited text that holds no quote character, in order: `onRecord(fields, isLast)`,
 * `isLast` for the record after the last line break (empty when the text ends with one).
 *
 * Written here, not left to PapaParse, for speed only, and only for text without quotes, where CSV has
 * nothing to parse: PapaParse's own "fast mode" for such text is `text.split(newline)`, then
 * `line.split(delimiter)` (papaparse.js, `Parser.parse`), and gives the same records as this function
 * (test/ingest/split-plain.test.ts compares them). But PapaParse does it per chunk of 4 MB and hands over
 * the chunk's records at once, so ~90,000 rows of strings stay alive together and survive the young
 * generation: on the 1M-row benchmark, half of the CLI's time was garbage collection and PapaParse. Here
 * each record is made, handled and dropped in turn. Text with a quote goes to PapaParse.
 */
export function splitPlainRecords(
  text: string,
  delimiter: string,
  newline: string,
  onRecord: (fields: string[], isLast: boolean) => void,
  onProgress?: (done: number) => void,
  progressEvery = 4 * 1024 * 1024,
): void {
  const n = text.length;
  const dl = delimiter.length;
  let nextProgress = progressEvery;
  // PapaParse drops a byte order mark that starts the text (one the decoder left: a file saved with two).
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The next delimiter at or after the current field: kept across lines, so that a line without one does
  // not search the rest of the text again (a one-column file would be quadratic).
  let d = text.indexOf(delimiter, pos);
  for (;;) {
    let end = text.indexOf(newline, pos);
    const isLast = end === -1;
    if (isLast) end = n;
    const fields: string[] = [];
    let start = pos;
    for (;;) {
      if (d !== -1 && d < start) d = text.indexOf(delimiter, start);
      if (d === -1 || d >= end) {
        fields.push(text.slice(start, end));
        break;
      }
      fields.push(text.slice(start, d));
      start = d + dl;
    }
    onRecord(fields, isLast);
    if (isLast) break;
    pos = end + newline.length;
    if (onProgress !== undefined && pos >= nextProgress) {
      onProgress(pos);
      nextProgress = pos + progressEvery;
    }
  }
  onProgress?.(n);
}
