import * as z from 'zod/mini';

/**
 * The indicator registry schema. One JSON file per indicator in `indicators/` (e.g. `11-6-2.json`),
 * parsed by `parseRegistry`; the TypeScript type is inferred from the schema, never written by hand.
 */

/** Official SDG codes (`11.6.2`, `11.a.1`, `1.5.1`) or local codes (`AMM-1`, `LOCAL-TRANSIT-2`). */
export const IndicatorCodeSchema = z
  .string()
  .check(z.regex(/^(\d{1,2}\.(\d{1,2}|[a-z])\.\d{1,2}|[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)+)$/, 'an SDG code like 11.6.2, or a local code like AMM-1'))
  .brand<'IndicatorCode'>();
export type IndicatorCode = z.infer<typeof IndicatorCodeSchema>;

/** Text in the four UI languages. English and Arabic are required; French and Spanish may be empty. */
export const LocalizedTextSchema = z.object({
  en: z.string().check(z.minLength(1)),
  ar: z.string().check(z.minLength(1)),
  fr: z._default(z.string(), ''),
  es: z._default(z.string(), ''),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Where a target or bounds come from, or who keeps an indicator (its custodian), in the four UI languages (`{ en, ar, fr, es }`; English required, an
 * empty language falls back to English). A plain string is still accepted — an observatory's own local
 * indicator files written before sources were translated — and read as the English text.
 */
export const LocalizedSourceSchema = z.union([
  z.pipe(z.string().check(z.minLength(1)), z.transform((en): LocalizedText => ({ en, ar: '', fr: '', es: '' }))),
  z.object({ en: z.string().check(z.minLength(1)), ar: z._default(z.string(), ''), fr: z._default(z.string(), ''), es: z._default(z.string(), '') }),
]);

export const UnitKindSchema = z.enum([
  'percent',
  'rate_per_100k',
  'rate_per_1000',
  'ratio',
  'count',
  'currency',
  'concentration',
  'score',
  'binary',
  'per_capita',
]);
export type UnitKind = z.infer<typeof UnitKindSchema>;

/** Desired direction of change. Required: an indicator without one is a registry error, never a default. */
export const DirectionSchema = z.enum(['increase', 'decrease']);
export type Direction = z.infer<typeof DirectionSchema>;

/** The three transformative commitments of the New Urban Agenda (A/RES/71/256, paras 25–80). */
export const NuaCommitmentSchema = z.enum(['inclusion_poverty', 'prosperity', 'environment_resilience']);
export type NuaCommitment = z.infer<typeof NuaCommitmentSchema>;

/** The implementation priorities observatories report on (UN-Habitat's three-pronged approach). */
export const NuaPrioritySchema = z.enum(['governance', 'planning', 'finance']);
export type NuaPriority = z.infer<typeof NuaPrioritySchema>;

export const UmfDomainSchema = z.enum(['society', 'economy', 'environment', 'culture', 'governance']);
export const UmfObjectiveSchema = z.enum(['safe', 'inclusive', 'resilient', 'sustainable']);

const finite = z.number();

export const IndicatorSchema = z.object({
  code: IndicatorCodeSchema,
  /** SDG goal number 1–17; null for a local indicator outside the SDG framework. */
  goal: z.nullable(z.int().check(z.minimum(1), z.maximum(17))),
  /** SDG target code (`11.6`, `11.b`); null for a local indicator. */
  target: z.nullable(z.string().check(z.regex(/^\d{1,2}\.(\d{1,2}|[a-z])$/))),
  title: LocalizedTextSchema,
  /** Unit as shown to users (`µg/m³`, `% of urban population`). */
  unit: LocalizedTextSchema,
  unitKind: UnitKindSchema,
  direction: DirectionSchema,
  /** Official numeric target (value in the indicator's unit) and its year; null when none is official. */
  goalTarget: z.nullable(z.object({
      value: finite,
      year: z._default(z.int().check(z.minimum(2000), z.maximum(2100)), 2030),
      /** Where the target comes from (e.g. "WHO Air Quality Guidelines 2021"), in each language (see `LocalizedSourceSchema`). */
      source: LocalizedSourceSchema,
    })),
  /** Baseline year for progress (Open SDG default 2015). */
  baseYear: z._default(z.int().check(z.minimum(1950), z.maximum(2100)), 2015),
  /** Natural ceiling or floor (100 for a percentage) used by the no-target progress thresholds. */
  naturalLimit: z._default(z.nullable(finite), null),
  /** Values outside this range are errors (a percentage outside 0–100); null bounds are open. */
  validRange: z.object({ min: z.nullable(finite), max: z.nullable(finite) }),
  /** SDSN-style bounds: optimum, green and red thresholds, lower bound (worst plausible value). */
  bounds: z._default(z.nullable(z.object({ optimum: finite, green: finite, red: finite, lower: finite, source: LocalizedSourceSchema })), null),
  nua: z.object({
    commitments: z.array(NuaCommitmentSchema).check(z.minLength(1)),
    priority: NuaPrioritySchema,
  }),
  umf: z.object({ domain: UmfDomainSchema, objective: UmfObjectiveSchema }),
  /** The custodian agency (or agencies) as each language names it (WHO, OMS, منظمة الصحة العالمية); a plain string is English. */
  custodian: LocalizedSourceSchema,
  tier: z.enum(['I', 'II', 'III', 'local']),
  /** Other codes of the same indicator (11.5.1 = 1.5.1 = 13.1.1). Data under an alias maps here. */
  aliases: z._default(z.array(IndicatorCodeSchema), []),
  /** Decimals to show. */
  decimals: z.int().check(z.minimum(0), z.maximum(6)),
  /** Short definition for the metadata panel. */
  definition: z.optional(LocalizedTextSchema),
}).check(z.superRefine((ind, ctx) => {
  const { min, max } = ind.validRange;
  if (min !== null && max !== null && min > max) {
    ctx.addIssue({ code: 'custom', path: ['validRange'], message: 'validRange.min is greater than validRange.max' });
  }
  if (ind.unitKind === 'percent' && (min === null || max === null || min < 0 || max > 100)) {
    ctx.addIssue({ code: 'custom', path: ['validRange'], message: 'a percentage must have a valid range inside 0–100' });
  }
  if (ind.goal !== null && ind.target !== null && !ind.target.startsWith(`${ind.goal}.`)) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: `target ${ind.target} is not under goal ${ind.goal}` });
  }
  if (ind.goal !== null && ind.target !== null && !ind.code.startsWith(`${ind.target}.`)) {
    ctx.addIssue({ code: 'custom', path: ['code'], message: `code ${ind.code} is not under target ${ind.target}` });
  }
}));
export type Indicator = z.infer<typeof IndicatorSchema>;
