import { useId, useMemo } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import { cityDisplayName, type CityNames, type DashboardCity } from '@/model/dashboard-model';

/**
 * The two city choices of a one-or-two-city view (NUA priorities, city report): the city, and a city
 * beside it ("none" shows the city alone). Cities are listed by display name in the UI language. A
 * choice is reported as the URL state it means: `{ city, cities: [] }` alone, `{ city, cities: [city, other] }`
 * side by side (see resolveCityPair).
 */
export function CityPairPicker({
  cities,
  cityNames,
  primary,
  partner,
  labels,
  onSelect,
}: {
  cities: readonly DashboardCity[];
  cityNames: CityNames;
  primary: DashboardCity;
  partner: DashboardCity | undefined;
  labels: { readonly city: string; readonly partner: string; readonly none: string };
  onSelect: (s: { city: string; cities: string[] }) => void;
}) {
  const { lang } = useI18n();
  const cityId = useId();
  const partnerId = useId();
  const options = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return cities.map((c) => ({ city: c, label: cityDisplayName(c, cityNames, lang) })).sort((a, b) => collator.compare(a.label, b.label));
  }, [cities, cityNames, lang]);
  const choosePrimary = (key: string) => onSelect(partner === undefined || key === partner.key ? { city: key, cities: [] } : { city: key, cities: [key, partner.key] });
  const choosePartner = (key: string) => onSelect(key === '' ? { city: primary.key, cities: [] } : { city: primary.key, cities: [primary.key, key] });

  return (
    <>
      <div className="field">
        <label htmlFor={cityId}>{labels.city}</label>
        <select id={cityId} value={primary.key} onChange={(e) => choosePrimary(e.target.value)}>
          {options.map((o) => (
            <option key={o.city.key} value={o.city.key}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={partnerId}>{labels.partner}</label>
        <select id={partnerId} value={partner?.key ?? ''} onChange={(e) => choosePartner(e.target.value)}>
          <option value="">{labels.none}</option>
          {options
            .filter((o) => o.city.key !== primary.key)
            .map((o) => (
              <option key={o.city.key} value={o.city.key}>
                {o.label}
              </option>
            ))}
        </select>
      </div>
    </>
  );
}
