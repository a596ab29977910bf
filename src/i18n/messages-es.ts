import type { PartialCatalogue } from './messages-en';

/** Spanish: partial for now; missing keys fall back to English. */
export const es = {
  'app.tagline': 'Indicadores del ODS 11 y de la Nueva Agenda Urbana',
  'app.skipToMain': 'Ir al contenido principal',
  'nav.label': 'Navegación principal',
  'nav.overview': 'Resumen',
  'nav.data': 'Datos',
  'settings.language': 'Idioma',
  'loading.data': 'Cargando datos…',
  'overview.title': 'Resumen de la ciudad',
  'overview.city': 'Ciudad',
  'overview.indicator': 'Indicador',
  'overview.year': 'Año',
  'overview.value': 'Valor',
  'data.title': 'Datos',
  'upload.title': 'Cargar datos',
  'upload.cancel': 'Cancelar',
  'datasets.title': 'Conjuntos de datos',
  'severity.error': 'Error',
  'severity.warning': 'Advertencia',
  'severity.info': 'Nota',
} as const satisfies PartialCatalogue;
