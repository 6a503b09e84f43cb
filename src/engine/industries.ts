/**
 * Industry text as planners type it ("银行", "中国移动", "Telecom") → one of the target table's
 * groups. Whole-text matches win; then the longest rule contained in the text; else 其他.
 */
import type { IndustryGroup, IndustryRule } from './settings';

export const industryKey = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export type IndustryMatcher = (raw: string) => IndustryGroup;

export function industryMatcher(rules: readonly IndustryRule[]): IndustryMatcher {
  const exact = new Map<string, IndustryGroup>();
  for (const r of rules) {
    const key = industryKey(r.text);
    if (!exact.has(key)) exact.set(key, r.group);
  }
  // Longest first, so "石油化工" wins over "化工" and "中小企业" over "企业".
  const contained = [...exact.entries()].sort((a, b) => b[0].length - a[0].length);
  const cache = new Map<string, IndustryGroup>();
  return (raw: string) => {
    const hit = cache.get(raw);
    if (hit) return hit;
    const key = industryKey(raw);
    let group: IndustryGroup = exact.get(key) ?? 'other';
    if (!exact.has(key) && key) {
      for (const [text, g] of contained) {
        if (key.includes(text)) {
          group = g;
          break;
        }
      }
    }
    cache.set(raw, group);
    return group;
  };
}
