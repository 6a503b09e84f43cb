/**
 * Sanity checks on the company target (issue 11 §4): a target far from this year's sales, one
 * that looks typed in 元 where the field is 万元, growth beyond what a plan normally asks, and a
 * target too small to give each classified customer one unit. Warnings only: the plan still runs,
 * but a planner sees why most customers got 0 or why the numbers look a hundred times too big.
 */
import { toUnits } from './allocate';
import { ALLOCATION_UNITS } from './settings';
import type { Issue, IssueKey } from './types';

/** A target below this share of this year's sales, or above the next, is worth a second look. */
export const TARGET_RATIO_LOW = 0.5;
export const TARGET_RATIO_HIGH = 3;
/** Above this many times this year's sales, the number was most likely typed in 元. */
export const TARGET_RATIO_YUAN = 100;
/** Growth outside this range (percent) is worth a second look. */
export const GROWTH_PCT_LOW = -90;
export const GROWTH_PCT_HIGH = 300;

/** The issue keys these checks make: the pane shows them beside the target field. */
export const TARGET_CHECK_KEYS: readonly IssueKey[] = ['target-in-yuan', 'target-far-from-sales', 'growth-out-of-range', 'target-too-small'];

export interface TargetCheckInput {
  sheet: string;
  /** The target the planner typed (万元), or null when it follows from growth. */
  companyTarget: number | null;
  growthPct: number;
  /** The target as wanted (万元), before rounding to the unit. */
  wanted: number;
  /** The target allocated, in units. */
  totalUnits: number;
  unit: number;
  currentSales: number;
  classifiedCount: number;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export function targetIssues(c: TargetCheckInput): Issue[] {
  if (c.classifiedCount === 0) return [];
  const issues: Issue[] = [];
  const warn = (key: IssueKey, params: Issue['params']) => issues.push({ key, severity: 'warning', sheet: c.sheet, params });
  if (c.companyTarget !== null && c.currentSales > 0) {
    const ratio = c.companyTarget / c.currentSales;
    const params = { target: c.companyTarget, current: c.currentSales, ratioPct: round(ratio * 100, 1) };
    // More than 100× is the 元-for-万元 slip; it says the ratio too, so it stands for "far" as well.
    if (ratio > TARGET_RATIO_YUAN) warn('target-in-yuan', { ...params, ratio: round(ratio, 1) });
    else if (ratio < TARGET_RATIO_LOW || ratio > TARGET_RATIO_HIGH) warn('target-far-from-sales', params);
  }
  if (c.companyTarget === null && (c.growthPct > GROWTH_PCT_HIGH || c.growthPct < GROWTH_PCT_LOW)) {
    warn('growth-out-of-range', { growth: c.growthPct, target: c.wanted, current: c.currentSales, low: GROWTH_PCT_LOW, high: GROWTH_PCT_HIGH });
  }
  if (c.totalUnits < c.classifiedCount) {
    // The largest finer unit that gives every classified customer at least one, if any does.
    const finer = ALLOCATION_UNITS.filter((u) => u < c.unit && toUnits(c.wanted, u) >= c.classifiedCount);
    const params: Issue['params'] = { target: c.wanted, units: c.totalUnits, customers: c.classifiedCount, unit: c.unit, minTarget: c.classifiedCount * c.unit };
    if (finer.length) params.betterUnit = finer[finer.length - 1]!;
    warn('target-too-small', params);
  }
  return issues;
}
