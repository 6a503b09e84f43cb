/**
 * The Excel host (Office.js), for the task pane inside Excel. See excelHost.ts; ExcelApi 1.7.
 */
export { ExcelHost, REQUIRED_EXCEL_API, isWorkingSheetName, type ApplyStats, type ExcelBatch, type ExcelHostOptions, type ExcelRun, type SheetChange } from './excelHost';
export { ExcelHostError } from './errors';
export { describeOfficeError, environmentLine, officeErrorText, kindOfCode, type PlainError, type PlainErrorDetails } from './officeErrors';
export { detectPlatform, knownPlatform, supportsExcelApi, unwrapError, isOfficeError, type PlatformInfo } from './platform';
export { DEFAULT_LIMITS, type Limits } from './payload';
