import type { PartialCatalogue } from './messages-en';

/** French: partial for now; missing keys fall back to English. */
export const fr = {
  'app.tagline': 'Indicateurs de l’ODD 11 et du Nouveau Programme pour les villes',
  'app.skipToMain': 'Aller au contenu principal',
  'nav.label': 'Navigation principale',
  'nav.overview': 'Vue d’ensemble',
  'nav.data': 'Données',
  'settings.language': 'Langue',
  'loading.data': 'Chargement des données…',
  'overview.title': 'Vue d’ensemble de la ville',
  'overview.city': 'Ville',
  'overview.indicator': 'Indicateur',
  'overview.year': 'Année',
  'overview.value': 'Valeur',
  'data.title': 'Données',
  'upload.title': 'Charger des données',
  'upload.cancel': 'Annuler',
  'datasets.title': 'Jeux de données',
  'severity.error': 'Erreur',
  'severity.warning': 'Avertissement',
  'severity.info': 'Note',
} as const satisfies PartialCatalogue;
