/**
 * Opens a package: checks what the file is, finds the workbook part, its relationships, the
 * sheet list and the parts each sheet lives in. Only small parts are parsed here; sheets and
 * shared strings are read on demand.
 */
import type { OoxmlNamespaces } from './conformance';
import { ContentTypes, CONTENT_TYPES_PART, CT } from './contentTypes';
import { errors } from './errors';
import { relsPartFor, Relationships, REL, REL_URI, RELS_CONTENT_TYPE } from './relationships';
import { requireZip } from './sniff';
import { WorkbookXml, type WorkbookSheet } from './workbookXml';
import { decodePart } from './xml';
import { ZipArchive } from './zip';

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'unknown';

export interface PackageSheet extends WorkbookSheet {
  kind: SheetKind;
  /** Part name without leading slash, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface XlsxPackage {
  archive: ZipArchive;
  contentTypes: ContentTypes;
  workbookPart: string;
  workbookRels: Relationships;
  workbook: WorkbookXml;
  /** The workbook's conformance class (Transitional or Strict): every part a write makes uses it. */
  namespaces: OoxmlNamespaces;
  sheets: PackageSheet[];
  sharedStringsPart?: string;
  stylesPart?: string;
  date1904: boolean;
  /**
   * Set when the package's `_rels/.rels` is missing or does not name the workbook (the
   * workbook was found at its usual `xl/workbook.xml`): the text of a standard one, which a
   * write puts in its place so that the file written opens in Excel.
   */
  repairedRootRels?: string;
}

const ROOT_RELS = '_rels/.rels';

/** A part's text, or undefined if the package has no such part. */
export function partText(archive: ZipArchive, part: string): string | undefined {
  const e = archive.get(part);
  return e ? decodePart(archive.read(e)) : undefined;
}

export function loadRels(archive: ZipArchive, source: string): Relationships {
  const relsPart = relsPartFor(source);
  const text = partText(archive, relsPart);
  return text === undefined ? Relationships.empty(source) : Relationships.parse(text, source, relsPart);
}

export function openPackage(bytes: Uint8Array, fileName?: string): XlsxPackage {
  requireZip(bytes, fileName);
  const archive = ZipArchive.open(bytes);

  const mimetype = archive.get('mimetype');
  if (mimetype && new TextDecoder().decode(archive.read(mimetype)).includes('opendocument.spreadsheet')) throw errors.ods();
  const ctText = partText(archive, CONTENT_TYPES_PART);
  if (ctText === undefined) {
    if (archive.has('xl/workbook.bin')) throw errors.xlsb();
    throw errors.noWorkbook();
  }
  const contentTypes = ContentTypes.parse(ctText);

  const rootRels = loadRels(archive, '');
  let workbookPart = rootRels.ofKind(REL.officeDocument)[0]?.partName;
  let repairRootRels = false;
  if (workbookPart === undefined && archive.has('xl/workbook.xml')) {
    workbookPart = 'xl/workbook.xml';
    repairRootRels = true;
  }
  if (workbookPart === undefined) {
    if (archive.has('xl/workbook.bin')) throw errors.xlsb();
    throw errors.noWorkbook();
  }
  const wbType = contentTypes.typeOf(workbookPart) ?? '';
  if (wbType === CT.workbookBinary || workbookPart.toLowerCase().endsWith('.bin')) throw errors.xlsb();
  if (wbType && !wbType.includes('spreadsheetml') && !wbType.includes('ms-excel')) throw errors.noWorkbook();
  const wbEntry = archive.get(workbookPart);
  if (!wbEntry) throw errors.missingPart(workbookPart);
  workbookPart = wbEntry.name;

  const workbookText = decodePart(archive.read(wbEntry));
  const workbook = WorkbookXml.parse(workbookText, workbookPart);
  const workbookRels = loadRels(archive, workbookPart);

  const sheets: PackageSheet[] = workbook.sheets().map((s) => {
    const rel = workbookRels.byId(s.relId);
    const kind: SheetKind =
      rel?.kind === REL.worksheet ? 'worksheet'
        : rel?.kind === REL.chartsheet ? 'chartsheet'
          : rel?.kind === REL.dialogsheet ? 'dialogsheet'
            : rel?.kind === REL.macrosheet ? 'macrosheet'
              : 'unknown';
    const part = rel?.partName ? (archive.get(rel.partName)?.name ?? rel.partName) : '';
    return { ...s, kind, part };
  });
  if (!sheets.some((s) => s.kind === 'worksheet')) throw errors.noSheets();

  const pkg: XlsxPackage = {
    archive,
    contentTypes,
    workbookPart,
    workbookRels,
    workbook,
    namespaces: workbook.namespaces(),
    sheets,
    date1904: false,
  };
  const sst = workbookRels.ofKind(REL.sharedStrings)[0]?.partName;
  if (sst && archive.has(sst)) pkg.sharedStringsPart = archive.get(sst)!.name;
  const styles = workbookRels.ofKind(REL.styles)[0]?.partName;
  if (styles && archive.has(styles)) pkg.stylesPart = archive.get(styles)!.name;
  pkg.date1904 = workbook.date1904();
  if (repairRootRels) {
    const strict = workbookText.includes('http://purl.oclc.org/ooxml/spreadsheetml/main');
    pkg.repairedRootRels = repairedRootRels(archive, contentTypes, rootRels, workbookPart, strict);
  }
  return pkg;
}

/**
 * The package's relationships with the workbook added (and, when the whole part was missing,
 * the document properties too), as Excel writes them. Refused when the content types do not
 * cover .rels parts: the part we would add would have no type, and Excel would not open it.
 */
function repairedRootRels(archive: ZipArchive, contentTypes: ContentTypes, rootRels: Relationships, workbookPart: string, strict: boolean): string {
  if (contentTypes.typeOf(ROOT_RELS) !== RELS_CONTENT_TYPE) throw errors.missingPart(ROOT_RELS);
  rootRels.add(strict ? REL_URI.officeDocumentStrict : REL_URI.officeDocument, workbookPart);
  if (!archive.has(ROOT_RELS)) {
    if (archive.has('docProps/core.xml')) rootRels.add(REL_URI.coreProperties, 'docProps/core.xml');
    if (archive.has('docProps/app.xml')) rootRels.add(strict ? REL_URI.extendedPropertiesStrict : REL_URI.extendedProperties, 'docProps/app.xml');
  }
  return rootRels.serialize();
}
