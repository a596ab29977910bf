// The bundled registry, made at build time by vite.config.ts (`bundledRegistry`).
declare module 'virtual:marsad/registry' {
  import type { Indicator } from '@/domain/indicator';
  import type { RegistryProblem } from '@/domain/registry';
  /** Every valid indicator file, parsed; titles in English, units in every language, the other texts empty. */
  export const indicators: Indicator[];
  /** The files that failed the schema. */
  export const problems: RegistryProblem[];
}

declare module 'virtual:marsad/registry-texts-*' {
  import type { RegistryTexts } from '@/domain/registry-texts';
  /** One language's registry texts. */
  export const texts: RegistryTexts;
}
