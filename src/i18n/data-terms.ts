import type { Lang } from './lang';

/**
 * The most common breakdown words of SDG data (Open SDG and UN SDG database columns and values), in
 * every language: a report in Arabic says "الجنس: إناث", not "Sex: Female". Only these well-known terms
 * are translated, matched without case; any other text is the data's own and is shown as written.
 */
/** English is the data's own wording (kept as written); the key is the lower-case English term. */
const TERMS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  sex: { en: 'Sex', ar: 'الجنس', fr: 'Sexe', es: 'Sexo' },
  female: { en: 'Female', ar: 'إناث', fr: 'Femmes', es: 'Mujeres' },
  male: { en: 'Male', ar: 'ذكور', fr: 'Hommes', es: 'Hombres' },
  females: { en: 'Females', ar: 'إناث', fr: 'Femmes', es: 'Mujeres' },
  males: { en: 'Males', ar: 'ذكور', fr: 'Hommes', es: 'Hombres' },
  women: { en: 'Women', ar: 'نساء', fr: 'Femmes', es: 'Mujeres' },
  men: { en: 'Men', ar: 'رجال', fr: 'Hommes', es: 'Hombres' },
  total: { en: 'Total', ar: 'المجموع', fr: 'Total', es: 'Total' },
  age: { en: 'Age', ar: 'العمر', fr: 'Âge', es: 'Edad' },
  location: { en: 'Location', ar: 'الموقع', fr: 'Milieu', es: 'Ubicación' },
  urban: { en: 'Urban', ar: 'حضر', fr: 'Urbain', es: 'Urbano' },
  rural: { en: 'Rural', ar: 'ريف', fr: 'Rural', es: 'Rural' },
  'disability status': { en: 'Disability status', ar: 'حالة الإعاقة', fr: 'Situation de handicap', es: 'Situación de discapacidad' },
  disability: { en: 'Disability', ar: 'الإعاقة', fr: 'Handicap', es: 'Discapacidad' },
  'persons with disability': { en: 'Persons with disability', ar: 'الأشخاص ذوو الإعاقة', fr: 'Personnes handicapées', es: 'Personas con discapacidad' },
  'persons without disability': { en: 'Persons without disability', ar: 'الأشخاص من دون إعاقة', fr: 'Personnes non handicapées', es: 'Personas sin discapacidad' },
};

/** The term in `lang` when it is one of the well-known breakdown words; the text as written otherwise. */
export function dataTerm(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const t = TERMS[text.trim().toLowerCase()];
  return t === undefined ? text : t[lang];
}
