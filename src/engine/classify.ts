/**
 * Tier, class, coverage and potential × share mode for one customer, with the reason as data.
 * The workbook's tag formulas compute the same things; tests hold the two to agreement.
 */
import { normaliseCity } from './cities';
import type { Settings } from './settings';
import { tierKey } from './settings';
import type { Coverage, CustomerClass, MatrixMode, Tier } from './types';

/** Why a customer got its class and mode, with the numbers compared (万元). */
export interface ClassReason {
  tier: Tier;
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
  tier: Tier;
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

/** Canonical city → tier, from the settings' list (whatever form its names were typed in). */
export function cityTierLookup(settings: Settings): (canonicalCity: string) => Tier {
  const tiers = new Map<string, Tier>();
  for (const { city, tier } of settings.cities) tiers.set(normaliseCity(city), tier);
  return (city) => tiers.get(city) ?? 3;
}

/** Classifies a customer whose amounts are known (both ≥ 0). */
export function classify(tier: Tier, potential: number, ourSales: number, settings: Settings): Classification {
  const t = settings.thresholds[tierKey(tier)];
  const m = settings.matrix[tierKey(tier)];
  const missedA: ('potential' | 'ourSales')[] = [];
  if (!atLeast(potential, t.aPotential)) missedA.push('potential');
  if (!atLeast(ourSales, t.aSales)) missedA.push('ourSales');
  const missedB: ('potential' | 'ourSales')[] = [];
  if (!atLeast(potential, t.bPotential)) missedB.push('potential');
  if (!atLeast(ourSales, t.bSales)) missedB.push('ourSales');

  let cls: CustomerClass;
  let missed: ('potential' | 'ourSales')[];
  let minPotential: number;
  let minSales: number;
  if (missedA.length === 0) {
    cls = 'A';
    missed = [];
    [minPotential, minSales] = [t.aPotential, t.aSales];
  } else if (missedB.length === 0) {
    cls = 'B';
    missed = missedA;
    [minPotential, minSales] = [t.bPotential, t.bSales];
  } else {
    cls = 'C';
    missed = missedB;
    [minPotential, minSales] = [t.bPotential, t.bSales];
  }

  // With no potential, any sale is "all of it"; none is no share.
  const share = potential > 0 ? ourSales / potential : null;
  const highShare = share === null ? ourSales > 0 : atLeast(share, m.share);
  const highPotential = atLeast(potential, m.potential);
  const mode: MatrixMode = highPotential ? (highShare ? 'direct' : 'problem') : highShare ? 'direct-reseller' : 'reseller';

  return {
    tier,
    class: cls,
    coverage: settings.coverage[cls],
    mode,
    reason: { tier, class: cls, potential, ourSales, minPotential, minSales, missed, share, highPotential, highShare, matrixPotential: m.potential, matrixShare: m.share },
  };
}
