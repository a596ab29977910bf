import { useId } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import type { MessageKey } from '@/i18n/messages-en';
import type { DecimalSeparator, Delimiter, Encoding } from '@/ingest/types';

export type ReadingOptions = {
  encoding: Encoding | 'auto';
  decimal: DecimalSeparator | 'auto';
  delimiter: Delimiter | 'auto';
};

export const DEFAULT_READING_OPTIONS: ReadingOptions = { encoding: 'auto', decimal: 'auto', delimiter: 'auto' };

const ENCODINGS: ReadonlyArray<[ReadingOptions['encoding'], MessageKey]> = [
  ['auto', 'upload.auto'],
  ['utf-8', 'upload.encoding.utf-8'],
  ['utf-16le', 'upload.encoding.utf-16le'],
  ['windows-1256', 'upload.encoding.windows-1256'],
  ['windows-1252', 'upload.encoding.windows-1252'],
];
const DECIMALS: ReadonlyArray<[ReadingOptions['decimal'], MessageKey]> = [
  ['auto', 'upload.auto'],
  ['.', 'upload.decimal.dot'],
  [',', 'upload.decimal.comma'],
];
const DELIMITERS: ReadonlyArray<[ReadingOptions['delimiter'], MessageKey]> = [
  ['auto', 'upload.auto'],
  [',', 'upload.delimiter.comma'],
  [';', 'upload.delimiter.semicolon'],
  ['\t', 'upload.delimiter.tab'],
  ['|', 'upload.delimiter.pipe'],
];

function Choice<T extends string>({ label, value, choices, onChange, disabled }: { label: string; value: T; choices: ReadonlyArray<[T, MessageKey]>; onChange: (v: T) => void; disabled: boolean }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          // The select only offers our own values; find it rather than cast.
          const found = choices.find(([v]) => v === e.target.value);
          if (found) onChange(found[0]);
        }}
      >
        {choices.map(([v, key]) => (
          <option key={v} value={v}>
            {t(key)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ReadingOptionsForm({ value, onChange, disabled }: { value: ReadingOptions; onChange: (v: ReadingOptions) => void; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <fieldset className="options">
      <legend>{t('upload.options')}</legend>
      <Choice label={t('upload.encoding')} value={value.encoding} choices={ENCODINGS} disabled={disabled} onChange={(encoding) => onChange({ ...value, encoding })} />
      <Choice label={t('upload.decimal')} value={value.decimal} choices={DECIMALS} disabled={disabled} onChange={(decimal) => onChange({ ...value, decimal })} />
      <Choice label={t('upload.delimiter')} value={value.delimiter} choices={DELIMITERS} disabled={disabled} onChange={(delimiter) => onChange({ ...value, delimiter })} />
    </fieldset>
  );
}
