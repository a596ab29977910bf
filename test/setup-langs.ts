// Unit tests write in every language synchronously, as the CLI does: the app fetches non-English catalogues on demand.
import '@/domain/zod-setup';
import '@/i18n/all-langs';
import { registerRegistryTexts } from '@/ingest/bundled-registry';
import { texts as ar } from 'virtual:marsad/registry-texts-ar';
import { texts as en } from 'virtual:marsad/registry-texts-en';
import { texts as es } from 'virtual:marsad/registry-texts-es';
import { texts as fr } from 'virtual:marsad/registry-texts-fr';

// The app's bundled registry with every language's texts, as the app has it once a language is loaded.
registerRegistryTexts('en', en);
registerRegistryTexts('ar', ar);
registerRegistryTexts('fr', fr);
registerRegistryTexts('es', es);
