import { useMemo, useState } from 'react';
import { columnLetter } from '../../../engine/a1';
import { REQUIRED_FIELDS } from '../../../engine/headers';
import type { Field } from '../../../engine/types';
import { FIELDS } from '../../../engine/types';
import { FIELD_LABELS, formatIssue } from '../../../i18n/engine';
import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';
import { useText } from '../../text';

export interface ColumnOption {
  /** The header text (what the settings keep for an override). */
  value: string;
  label: string;
}

export interface FieldChoice {
  field: Field;
  label: string;
  required: boolean;
  /** The header text of the column mapped now; undefined when none is. */
  value?: string;
  shown: string;
}

/** The Data step: which sheet, which header row, which column holds what, and how many customers and issues. */
export function useDataStep() {
  const { t, lang } = useText();
  const planner = usePlannerState();
  const { state, prepared } = planner;
  const actions = usePlannerActions();
  const sheet = state.sheet;

  // Header row: what was found or set, and the text being typed.
  const firstRow = prepared?.sheet.firstRow ?? 1;
  const lastRow = prepared ? prepared.sheet.firstRow + Math.max(0, prepared.sheet.values.length - 1) : 1;
  const shownRow = state.headerRow ?? (prepared?.headerIndex !== undefined ? prepared.sheet.firstRow + prepared.headerIndex : undefined);
  // What is typed while it is not a row of the sheet; otherwise the field shows the row in use.
  // Kept with the sheet it was typed for: another sheet (or the same read again) drops it.
  const [typedFor, setTypedFor] = useState<{ sheet: typeof sheet; text: string } | undefined>(undefined);
  const typed = typedFor && typedFor.sheet === sheet ? typedFor.text : undefined;
  const setTyped = (text: string | undefined) => setTypedFor(text === undefined ? undefined : { sheet, text });
  const rowText = typed ?? (shownRow === undefined ? '' : String(shownRow));
  const rowNumber = /^\s*\d+\s*$/.test(rowText) ? Number(rowText) : NaN;
  const rowInvalid = rowText.trim() !== '' && !(rowNumber >= firstRow && rowNumber <= lastRow);
  const typeRow = (text: string) => {
    const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
    if (n >= firstRow && n <= lastRow) {
      setTyped(undefined);
      actions.setHeaderRow(n);
    } else setTyped(text);
  };

  const headerCells = useMemo(() => {
    if (!prepared || prepared.headerIndex === undefined) return [] as ColumnOption[];
    const row = prepared.sheet.values[prepared.headerIndex] ?? [];
    const seen = new Set<string>();
    const out: ColumnOption[] = [];
    row.forEach((cell, i) => {
      const text = cell === null || cell === undefined ? '' : String(cell).trim();
      if (text === '' || seen.has(text)) return;
      seen.add(text);
      out.push({ value: text, label: t('data-column-option', { column: columnLetter(prepared.sheet.firstColumn + i), header: text }) });
    });
    return out;
  }, [prepared, t]);

  const fields: FieldChoice[] = useMemo(() => {
    const mapped = new Map((prepared?.report?.mapped ?? []).map((m) => [m.field, m]));
    return FIELDS.map((field) => {
      const m = mapped.get(field);
      const required = REQUIRED_FIELDS.includes(field);
      const option = m ? headerCells.find((o) => o.value === m.header.trim()) : undefined;
      return {
        field,
        label: FIELD_LABELS[lang][field],
        required,
        ...(m ? { value: m.header.trim() } : {}),
        shown: option?.label ?? '',
      };
    });
  }, [prepared, headerCells, lang]);

  const issues = prepared?.issues ?? [];
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors++;
  const [issuesOpen, setIssuesOpen] = useState(false);

  return {
    hasWorkbook: !!state.workbook,
    /** File mode: the workbook is digitally signed, and planning will make the signature invalid. */
    signed: !!state.signature,
    candidates: state.candidates,
    sheetName: sheet?.name,
    reading: state.busy?.kind === 'reading' || state.busy?.kind === 'workbook',
    busy: state.busy !== null,
    empty: planner.empty,
    chooseSheet: (name: string) => void actions.chooseSheet(name),
    reread: actions.rereadSheet,
    header: {
      text: rowText,
      invalid: rowInvalid ? t('data-header-invalid', { first: firstRow, last: lastRow }) : undefined,
      hint:
        state.headerRow !== undefined
          ? t('data-header-set', { row: state.headerRow })
          : shownRow !== undefined
            ? t('data-header-found', { row: shownRow })
            : sheet && !planner.empty
              ? t('data-header-none')
              : undefined,
      overridden: state.headerRow !== undefined,
      type: typeRow,
      auto: () => {
        setTyped(undefined);
        actions.setHeaderRow(undefined);
      },
    },
    headerCells,
    fields,
    setColumn: actions.setColumn,
    products: prepared?.report?.mapping.products.map((p) => p.name) ?? [],
    unmapped: prepared?.report?.unmapped.map((u) => u.header) ?? [],
    ok: !!prepared?.ok,
    customers: prepared?.ok ? prepared.columns.count : 0,
    issues,
    errors,
    warnings: issues.length - errors,
    problems: prepared && !prepared.ok ? issues.filter((i) => i.severity === 'error').map((i) => formatIssue(i, lang)) : [],
    issuesOpen,
    toggleIssues: () => setIssuesOpen((o) => !o),
    selectIssue: state.workbook?.mode === 'excel' ? (issue: (typeof issues)[number]) => void actions.selectIssue(issue) : undefined,
  };
}
