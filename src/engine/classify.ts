/**
 * Tier, class, coverage and potential × share mode for one customer, with the reason as data.
 * The workbook's tag formulas compute the same things; tests hold the two to agreement.
 */
import { normaliseCity } from './cities';
import type { MatrixSplit, Settings, TierThresholds } from './settings';
import type { TierId } from './tiers';
import { TierIndex } from './tiers';
import type { Coverage, CustomerClass, MatrixMode } from './types';

/** Why a customer got its class and mode, with the numbers compared (万元). */
export interface ClassReason {
  tier: TierId;
  /** The tier's names, for the reason in words. */
  tierNames: { zh: string; en: string };
  class: CustomerClass;
  potential: number;
  ourSales: number;
  /** The minimums of the class it reached (for C: the B minimums it missed). */
  minPotential: number;
  minSales: number;
  /** For B and C: which minimums of the class above it missed. */
  missed: ('potential' | 'ourSales')[];
  /** our sales ÷ potential; null when potential is 0. */
  share: number | null;
  highPotential: boolean;
  highShare: boolean;
  matrixPotential: number;
  matrixShare: number;
}

export interface Classification {
  tier: TierId;
  class: CustomerClass;
  coverage: Coverage;
  mode: MatrixMode;
  reason: ClassReason;
}

/**
 * a ≥ b as spreadsheets judge it: values equal to about 15 significant digits count as equal
 * (LibreOffice's approxEqual uses 2^-48), so 0.7 / 1.75 ≥ 0.4 holds here as it does there.
 */
export function atLeast(a: number, b: number): boolean {
  if (a >= b) return true;
  return b - a <= Math.max(Math.abs(a), Math.abs(b)) * 2 ** -48;
}

/**
 * Canonical city → tier, from the settings' list (whatever form its names were typed in); a
 * city not listed, or blank, falls to the fallback tier.
 */
export function cityTierLookup(settings: Settings): (canonicalCity: string) => TierId {
  const tiers = new Map<string, TierId>();
  for (const { city, tier } of settings.cities) tiers.set(normaliseCity(city), tier);
  const fallback = settings.fallbackTier;
  return (city) => tiers.get(city) ?? fallback;
}

/** The class rule alone, as a code (1 A, 2 B, 3 C): plan() runs it once per customer. */
export function classCode(t: TierThresholds, potential: number, ourSales: number): 1 | 2 | 3 {
  if (atLeast(potential, t.aPotential) && atLeast(ourSales, t.aSales)) return 1;
  return atLeast(potential, t.bPotential) && atLeast(ourSales, t.bSales) ? 2 : 3;
}

/** With no potential, any sale is "all of it"; none is no share. */
export const isHighShare = (m: MatrixSplit, potential: number, ourSales: number): boolean => (potential > 0 ? atLeast(ourSales / potential, m.share) : ourSales > 0);

/** The matrix rule alone, as a code (1 direct, 2 direct + reseller, 3 problem, 4 reseller). */
export function modeCode(m: MatrixSplit, potential: number, ourSales: number): 1 | 2 | 3 | 4 {
  const highShare = isHighShare(m, potential, ourSales);
  return atLeast(potential, m.potential) ? (highShare ? 1 : 3) : highShare ? 2 : 4;
}

/** The codes of classCode and modeCode as words; 0 is kept for a row with no class. */
export const CLASS_OF_CODE = [null, 'A', 'B', 'C'] as const;
export const MODE_OF_CODE = [null, 'direct', 'direct-reseller', 'problem', 'reseller'] as const;

/** Classifies a customer whose amounts are known (both ≥ 0), with the reason. */
export function classify(tier: TierId, potential: number, ourSales: number, settings: Settings): Classification {
  const t = settings.thresholds[tier];
  const m = settings.matrix[tier];
  const def = new TierIndex(settings.tiers).get(tier);
  const cls = CLASS_OF_CODE[classCode(t, potential, ourSales)];
  // Which minimums of the class above were missed: A's for a B, B's for a C.
  const [minPotential, minSales] = cls === 'A' ? [t.aPotential, t.aSales] : [t.bPotential, t.bSales];
  const [abovePotential, aboveSales] = cls === 'C' ? [t.bPotential, t.bSales] : [t.aPotential, t.aSales];
  const missed: ('potential' | 'ourSales')[] = [];
  if (cls !== 'A') {
    if (!atLeast(potential, abovePotential)) missed.push('potential');
    if (!atLeast(ourSales, aboveSales)) missed.push('ourSales');
  }
  const mode = MODE_OF_CODE[modeCode(m, potential, ourSales)];
  return {
    tier,
    class: cls,
    coverage: settings.coverage[cls],
    mode,
    reason: {
      tier,
      tierNames: { zh: def?.zh ?? tier, en: def?.en ?? tier },
      class: cls,
      potential,
      ourSales,
      minPotential,
      minSales,
      missed,
      share: potential > 0 ? ourSales / potential : null,
      highPotential: atLeast(potential, m.potential),
      highShare: isHighShare(m, potential, ourSales),
      matrixPotential: m.potential,
      matrixShare: m.share,
    },
  };
}
