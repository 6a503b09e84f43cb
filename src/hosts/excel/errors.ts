/**
 * The error the Excel host throws. It says which step failed (and on which sheet), keeps what
 * Excel said (`cause`, usually an OfficeExtension.Error), and whether the workbook was put back.
 * officeErrors.ts turns it into plain words.
 */
import type { ExcelStep, WriteProblem } from '../../i18n/excel';

export interface ExcelHostErrorInit {
  step: ExcelStep;
  sheet?: string;
  cause?: unknown;
  /** A problem found in the write before anything was changed. */
  problem?: { key: WriteProblem; params: Record<string, string> };
  /** For a failed write: true when the workbook was put back as it was. */
  rolledBack?: boolean;
  /** When putting the workbook back failed too: that error. */
  rollbackError?: unknown;
  /** Sheets that may be left over after a failed rollback. */
  leftovers?: string[];
  /** False when the failure came before the workbook was changed. */
  changed?: boolean;
}

export class ExcelHostError extends Error {
  readonly step: ExcelStep;
  readonly sheet?: string;
  readonly problem?: ExcelHostErrorInit['problem'];
  readonly rolledBack?: boolean;
  readonly rollbackError?: unknown;
  readonly leftovers?: string[];
  readonly changed: boolean;

  constructor(message: string, init: ExcelHostErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ExcelHostError';
    this.step = init.step;
    if (init.sheet !== undefined) this.sheet = init.sheet;
    if (init.problem) this.problem = init.problem;
    if (init.rolledBack !== undefined) this.rolledBack = init.rolledBack;
    if (init.rollbackError !== undefined) this.rollbackError = init.rollbackError;
    if (init.leftovers) this.leftovers = init.leftovers;
    this.changed = init.changed ?? init.rolledBack !== undefined;
  }
}
