/**
 * Saving settings into a workbook: the settings sheet replaced or added with its names,
 * nothing else touched. (Reading them back: workbook.ts.)
 */
import type { Settings } from '../engine/settings';
import type { WorkbookHost } from '../hosts/host';
import type { Lang } from '../i18n';
import { SHEET_NAMES } from '../i18n/render';
import { settingsSheet } from '../render';
import { chooseNames, familyOf, proveOwnership, provenSheet } from '../render/ownership';
import { freeSheetName } from '../render/sheetNames';
import type { WorkbookWrite } from '../spec/write';
import { namesOf, viewWorkbook, type WorkbookView } from './workbook';
import { writeAll } from './write';

/**
 * The write that saves settings alone: the settings sheet replaced (or added) with its names,
 * nothing else touched. The tag formulas read the settings through the names, so a saved
 * change shows in the workbook's classes at once. Only a settings sheet and names proven ours
 * are replaced (render/ownership.ts); a person's names in the way are kept, ours go beside them.
 */
export function settingsWrite(settings: Settings, lang: Lang, view: WorkbookView): { write: WorkbookWrite; sheet: string } {
  const own = proveOwnership(namesOf(view));
  const existing = provenSheet(own, 'settings');
  const others = view.sheets.map((s) => s.name).filter((s) => s.toLowerCase() !== existing?.toLowerCase());
  const sheet = existing ?? freeSheetName(SHEET_NAMES[lang].settings, others);
  // The settings sheet's own names: its marker and the formula names (not the other sheets' markers).
  const replaced = own.ours.filter((n) => {
    const role = familyOf(n.name);
    return role?.kind === 'formula' || (role?.kind === 'sheet' && role.sheet === 'settings');
  });
  const removing = new Set(replaced.map((n) => n.name.toLowerCase()));
  const chosen = chooseNames(view.names.filter((n) => !removing.has(n.name.toLowerCase())).map((n) => n.name));
  const part = settingsSheet(settings, lang, sheet, chosen);
  return {
    sheet,
    write: {
      removeSheets: existing ? [existing] : [],
      addSheets: [part.sheet],
      columns: [],
      removeNames: replaced.map((n) => n.name),
      addNames: part.names,
    },
  };
}

/**
 * Saves settings into the workbook as it is now (viewed afresh: a coauthor may have changed it),
 * all or nothing; answers the settings sheet's name and the workbook's view after the write.
 */
export async function saveSettings(host: WorkbookHost, settings: Settings, lang: Lang): Promise<{ sheet: string; view: WorkbookView }> {
  const { write, sheet } = settingsWrite(settings, lang, await viewWorkbook(host));
  await writeAll(host, write);
  return { sheet, view: await viewWorkbook(host) };
}
