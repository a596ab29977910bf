// Unit tests write in every language synchronously, as the CLI does: the app fetches non-English catalogues on demand.
import '@/i18n/all-langs';
