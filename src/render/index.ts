/**
 * The renderer's public API: PlanResult + Settings → WorkbookWrite (pure, host-neutral; the
 * write's types are in spec/write.ts), and the settings sheet read back.
 */
export { renderPlan, earlierSheets, ourSheetName, type ExistingWorkbook } from './renderPlan';
export { settingsFromSheet, type SettingsSheetOrigin, type SettingsSheetResult } from './settingsRead';
export { settingsSheet, canonicalCities } from './settingsSheet';
export { withoutTagColumns, findEarlierTags, tagColumns } from './tagColumns';
export { FORMULA_NAMES, SHEET_MARKERS, TAG_MARKER, parseRef, areaRef, sheetPrefix } from './names';
export { familyOf, proofAreas, proveOwnership, type Ownership, type WorkbookNames } from './ownership';
export { formatSettingsSheetProblem, type SettingsSheetProblem } from '../i18n/render';
