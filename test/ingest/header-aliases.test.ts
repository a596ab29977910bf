import { describe, expect, it } from 'vitest';
import { type HeaderRole, headerAliasKey, isYearHeader, matchHeaderRole } from '@/ingest/header-aliases';

describe('matchHeaderRole', () => {
  it.each<[string, HeaderRole]>([
    // city
    ['city', 'city'], ['City', 'city'], ['CITY', 'city'], ['City Name', 'city'], ['city_name', 'city'], ['municipality', 'city'],
    ['GeoAreaName', 'city'], ['Geography', 'city'], ['ville', 'city'], ['Ville', 'city'], ['commune', 'city'], ['ciudad', 'city'],
    ['Municipio', 'city'], ['المدينة', 'city'], ['مدينة', 'city'], ['مدينه', 'city'], ['البلدية', 'city'], ['بلدية', 'city'],
    ['  المدينة\u200F ', 'city'], ['الـمـديـنـة', 'city'], ['المَدِينَة', 'city'],
    ['Local Authority', 'city'], ['Welsh Unitary Authority', 'city'], ['Scottish Council Area', 'city'], ['أمانة', 'city'],
    // district: the city's wards and neighbourhoods, in four languages
    ['Ward', 'district'], ['ward_name', 'district'], ['District', 'district'], ['Neighbourhood', 'district'], ['Neighborhood', 'district'],
    ['Borough', 'district'], ['Zone', 'district'], ['quartier', 'district'], ['Arrondissement', 'district'], ['barrio', 'district'],
    ['Distrito', 'district'], ['comuna', 'district'], ['الحي', 'district'], ['حي', 'district'], ['المنطقة', 'district'], ['منطقه', 'district'],
    // region and country
    ['Region', 'region'], ['province', 'region'], ['Governorate', 'region'], ['région', 'region'], ['Región', 'region'], ['provincia', 'region'],
    ['المحافظة', 'region'], ['الإقليم', 'region'],
    ['Country', 'country'], ['country name', 'country'], ['pays', 'country'], ['País', 'country'], ['الدولة', 'country'], ['البلد', 'country'],
    // cityCode
    ['city code', 'cityCode'], ['city_code', 'cityCode'], ['City Code', 'cityCode'], ['CityCode', 'cityCode'], ['GeoCode', 'cityCode'],
    ['geo code', 'cityCode'], ['GeoAreaCode', 'cityCode'], ['code ville', 'cityCode'], ['código ciudad', 'cityCode'], ['codigo_ciudad', 'cityCode'],
    ['رمز المدينة', 'cityCode'], ['رمز مدينة', 'cityCode'],
    // indicator
    ['indicator', 'indicator'], ['Indicator', 'indicator'], ['indicator code', 'indicator'], ['SDG Indicator', 'indicator'], ['indicateur', 'indicator'],
    ['indicador', 'indicator'], ['المؤشر', 'indicator'], ['مؤشر', 'indicator'], ['رمز المؤشر', 'indicator'],
    // year
    ['year', 'year'], ['Year', 'year'], ['YEAR', 'year'], ['TimePeriod', 'year'], ['time period', 'year'], ['Time_Period', 'year'],
    ['Data Reference Year', 'year'], ['date', 'year'], ['année', 'year'], ['Année', 'year'], ['annee', 'year'], ['ANNÉE', 'year'],
    ['año', 'year'], ['Año', 'year'], ['ano', 'year'], ['السنة', 'year'], ['سنة', 'year'], ['العام', 'year'], ['عام', 'year'],
    // value
    ['value', 'value'], ['Value', 'value'], ['OBS_VALUE', 'value'], ['valeur', 'value'], ['valor', 'value'], ['القيمة', 'value'], ['قيمة', 'value'],
    // unit
    ['unit', 'unit'], ['units', 'unit'], ['Units', 'unit'], ['Data Units', 'unit'], ['unité', 'unit'], ['unite', 'unit'], ['unidad', 'unit'],
    ['unidades', 'unit'], ['الوحدة', 'unit'], ['وحدة', 'unit'], ['وحدة القياس', 'unit'],
    // series
    ['series', 'series'], ['SeriesCode', 'series'], ['série', 'series'], ['serie', 'series'], ['السلسلة', 'series'],
    // source
    ['source', 'source'], ['Data Source', 'source'], ['data_source', 'source'], ['fuente', 'source'], ['المصدر', 'source'], ['مصدر', 'source'],
    // note
    ['note', 'note'], ['notes', 'note'], ['comment', 'note'], ['COMMENT_OBS', 'note'], ['Footnote', 'note'], ['FootNote', 'note'],
    ['remarque', 'note'], ['nota', 'note'], ['ملاحظات', 'note'], ['ملاحظة', 'note'],
  ])('matchHeaderRole(%j) → %s', (header, role) => {
    expect(matchHeaderRole(header)).toBe(role);
  });

  it.each([
    'SeriesDescription', 'Time_Detail', 'Goal', 'Target', 'Nature', 'Country or Territory Code', 'sex', 'Sex', 'age',
    'Upper bound', 'Reporting Type', '2015', '', '   ', 'valueX', 'الجنس', 'indicator name',
  ])('matchHeaderRole(%j) is undefined', (header) => {
    expect(matchHeaderRole(header)).toBeUndefined();
  });
});

describe('headerAliasKey', () => {
  it.each([
    ['City_Name', 'cityname'],
    ['  GeoArea-Name. ', 'geoareaname'],
    ['Année', 'annee'],
    ['Código ciudad', 'codigociudad'],
    ['أإآٱا', 'ااااا'],
    ['المدينة', 'مدينه'],
    ['مدينة', 'مدينه'],
    ['مستشفى', 'مستشفي'],
    ['الـسـنـة', 'سنه'],
    ['رمز المؤشر', 'رمزموشر'],
    ['آل', 'ال'], // too short to be the article
  ])('headerAliasKey(%j) → %j', (header, key) => {
    expect(headerAliasKey(header)).toBe(key);
  });
});

describe('isYearHeader', () => {
  it.each([
    ['2015', 2015, ''],
    [' 2015 ', 2015, ''],
    ['Y2015', 2015, ''],
    ['YR2015', 2015, ''],
    ['yr2015', 2015, ''],
    ['X2015', 2015, ''],
    ['2015 [YR2015]', 2015, ''],
    ['٢٠١٥', 2015, ''],
    ['2017-18', 2017, '2017-18'],
    ['Y2017-18', 2017, '2017-18'],
    ['2015 Q1', 2015, '2015 Q1'],
    ['FY2015', 2015, 'FY2015'],
    ['2019.0', 2019, ''],
  ])('isYearHeader(%j) → %i, label %j', (header, year, label) => {
    expect(isYearHeader(header)).toEqual({ year, label });
  });

  it.each(['Year', 'city', 'value', '15', 'Y15', 'YR', '2015 [YR2016]', 'Population 2015', 'X', '', '3000', 'Xylophone2015'])('isYearHeader(%j) is undefined', (header) => {
    expect(isYearHeader(header)).toBeUndefined();
  });
});
