import { type Registry, registryOf, type RegistryProblem } from '@/domain/registry';
import { fillRegistryTexts, type RegistryTexts, type SplitLang } from '@/domain/registry-texts';
import { indicators, problems } from 'virtual:marsad/registry';

/**
 * The indicator registry bundled with the app: every `indicators/*.json`, read and validated by the domain
 * schema at build time (`bundledRegistry` in vite.config.ts), so the page neither carries nor runs the
 * registry's validation. Invalid files come as problems (the UI lists them); they never throw.
 *
 * The first load has the titles in English and the units in every language. The other texts are filled
 * in when they are loaded (`load-lang.ts`), before the page shows them: Arabic, French and Spanish with
 * their language, English definitions, sources and custodians with the views other than the overview.
 */
let cached: { registry: Registry; problems: RegistryProblem[] } | undefined;

export function loadBundledRegistry(): { registry: Registry; problems: RegistryProblem[] } {
  cached ??= { registry: registryOf(indicators), problems };
  return cached;
}

/** Puts `lang`'s registry texts into the bundled registry (every later view of it shares them). */
export function registerRegistryTexts(lang: SplitLang, texts: RegistryTexts): void {
  fillRegistryTexts(loadBundledRegistry().registry.indicators, lang, texts);
}
