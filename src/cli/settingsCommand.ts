/**
 * `abc-planner settings`: the settings a workbook carries (its settings sheet, else the
 * defaults), as JSON (usable as a --settings file) or as a short listing for people.
 */
import type { Settings } from '../engine/settings';
import { TierIndex } from '../engine/tiers';
import type { Field } from '../engine/types';
import type { Lang } from '../i18n';
import { cliText } from '../i18n/cli';
import { CLASS_LABELS, COVERAGE_LABELS, FIELD_LABELS } from '../i18n/engine';
import { BASIS_LABELS } from '../i18n/render';
import type { SettingsCommand } from './args';
import type { CliIo } from './io';
import { openWorkbook } from '../app/workbook';
import { hostCall, type LoadedSettings, openInput, workbookSettings } from './workbook';

/** Cities named per tier in the listing; the rest are counted. */
const CITIES_NAMED = 8;

/** The settings as a few lines a planner reads. */
export function settingsListing(settings: Settings, lang: Lang): string[] {
  const zh = lang === 'zh';
  const sep = zh ? '；' : '; ';
  const lines: string[] = [];
  const tiers = settings.tiers;
  const index = new TierIndex(tiers);
  lines.push(cliText(lang, 'settings-tiers', { count: tiers.length, fallback: index.name(settings.fallbackTier, lang) }));
  for (const tier of tiers) {
    const cities = settings.cities.filter((c) => c.tier === tier.id).map((c) => c.city);
    const named = cities.slice(0, CITIES_NAMED).join(zh ? '、' : ', ');
    const more = cities.length - CITIES_NAMED;
    const isFallback = tier.id === settings.fallbackTier;
    let list: string;
    if (cities.length === 0) list = cliText(lang, isFallback ? 'settings-tier-only-unlisted' : 'settings-tier-no-cities');
    else {
      const key = more > 0 ? 'settings-tier-cities-more' : cities.length === 1 ? 'settings-tier-one-city' : 'settings-tier-cities';
      list = cliText(lang, key, { count: cities.length, cities: named, more });
      if (isFallback) list += cliText(lang, 'settings-tier-fallback');
    }
    lines.push(`  ${cliText(lang, 'settings-tier', { name: tier[lang], id: tier.id, other: tier[zh ? 'en' : 'zh'] })}${list}`);
  }
  lines.push(cliText(lang, 'settings-thresholds'));
  const tierWidth = tiers.reduce((w, t) => Math.max(w, t[lang].length), 0) + 2;
  lines.push(`  ${''.padEnd(tierWidth)}${cliText(lang, 'settings-threshold-columns')}`);
  for (const tier of tiers) {
    const th = settings.thresholds[tier.id];
    lines.push(`  ${tier[lang].padEnd(tierWidth)}${[th.aPotential, th.aSales, th.bPotential, th.bSales].join(' | ')}`);
  }
  const splits = tiers
    .map((tier) => {
      const m = settings.matrix[tier.id];
      return zh ? `${tier.zh} 潜力≥${m.potential}、占有率≥${m.share * 100}%` : `${tier.en} potential ≥ ${m.potential}, share ≥ ${m.share * 100}%`;
    })
    .join(sep);
  lines.push(cliText(lang, 'settings-matrix', { splits }));
  const coverage = (['A', 'B', 'C'] as const).map((k) => `${CLASS_LABELS[lang][k]} ${COVERAGE_LABELS[lang][settings.coverage[k]]}`).join(sep);
  lines.push(cliText(lang, 'settings-coverage', { coverage }));
  const { names, mix } = settings.products;
  lines.push(names ? cliText(lang, 'settings-products', { products: names.join(zh ? '、' : ', ') }) : cliText(lang, 'settings-products-from-sheet'));
  lines.push(mix ? cliText(lang, 'settings-mix', { mix: mix.map((m, i) => `${names?.[i] ?? i + 1} ${m}%`).join(sep) }) : cliText(lang, 'settings-mix-history'));
  const t = settings.targets;
  lines.push(
    t.companyTarget !== null
      ? cliText(lang, 'settings-target', { target: t.companyTarget.toLocaleString('en-US', { maximumFractionDigits: 2 }) })
      : cliText(lang, 'settings-target-growth', { growth: t.growthPct }),
  );
  const blend = t.basis === 'blend' ? (zh ? `（潜力占 ${t.blendPotentialWeight * 100}%）` : ` (potential weighs ${t.blendPotentialWeight * 100}%)`) : '';
  lines.push(cliText(lang, 'settings-basis', { basis: BASIS_LABELS[lang][t.basis], blend, unit: t.unit }));
  lines.push(cliText(lang, 'settings-load', { ...settings.load }));
  lines.push(cliText(lang, 'settings-industries', { count: settings.industries.length }));
  const columns = Object.entries(settings.columns).map(([f, h]) => `${FIELD_LABELS[lang][f as Field]} = ${zh ? `“${h}”` : `"${h}"`}`);
  if (columns.length) lines.push(cliText(lang, 'settings-columns', { columns: columns.join(sep) }));
  return lines;
}

export interface SettingsOutcome {
  loaded: LoadedSettings;
  /** For stdout: the JSON document, or the listing. */
  stdout: string;
  /** For stderr: where the settings come from (with --json). */
  note?: string;
}

export async function runSettings(cmd: SettingsCommand, lang: Lang, io: CliIo): Promise<SettingsOutcome> {
  const input = await openInput(cmd.input, io.cwd, lang);
  const { saved } = await hostCall(input.shown, lang, () => openWorkbook(input.workbook));
  const loaded = workbookSettings(saved, input.shown, lang);
  const source =
    loaded.source.kind === 'workbook'
      ? cliText(lang, 'settings-source-workbook', { file: cmd.input, sheet: loaded.source.sheet })
      : cliText(lang, 'settings-source-defaults', { file: cmd.input });
  if (cmd.json) return { loaded, stdout: JSON.stringify(loaded.settings, null, 2) + '\n', note: source };
  return { loaded, stdout: [source, ...settingsListing(loaded.settings, lang).map((l) => `  ${l}`)].join('\n') + '\n' };
}
