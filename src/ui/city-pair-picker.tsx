import { useMemo } from 'react';
import type { CityNames, DashboardCity } from '@/model/dashboard-model';
import { withChosen } from './place-options';
import { PlacePicker } from './place-picker';

/**
 * The two city choices of a one-or-two-city view (NUA priorities, city report): the city, and a city
 * beside it ("none" shows the city alone), each a place picker with type-ahead. A choice is reported
 * as the URL state it means: `{ city, cities: [] }` alone, `{ city, cities: [city, other] }` side by
 * side (see resolveCityPair).
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
  const primaryPlaces = useMemo(() => withChosen(cities, primary), [cities, primary]);
  const partnerPlaces = useMemo(() => withChosen(cities, partner), [cities, partner]);
  const notPartner = useMemo(() => new Set([primary.key]), [primary.key]);
  const choosePrimary = (key: string) => onSelect(partner === undefined || key === partner.key ? { city: key, cities: [] } : { city: key, cities: [key, partner.key] });
  const choosePartner = (key: string) => onSelect(key === '' ? { city: primary.key, cities: [] } : { city: primary.key, cities: [primary.key, key] });

  return (
    <>
      <PlacePicker label={labels.city} places={primaryPlaces} value={primary.key} onChange={choosePrimary} names={cityNames} />
      <PlacePicker label={labels.partner} places={partnerPlaces} value={partner?.key ?? ''} onChange={choosePartner} names={cityNames} exclude={notPartner} noneLabel={labels.none} />
    </>
  );
}
