/**
 * The two conformance classes of Office Open XML (ISO/IEC 29500): Transitional, which nearly
 * every file uses, and Strict, which Excel writes on "Save As > Strict Open XML Spreadsheet".
 * They differ in the namespaces of SpreadsheetML and of relationship ids (`r:id`), and in the
 * relationship type URIs; the package layer (content types, `_rels` parts) is the same in both.
 * An opened package knows its class, and every part a write creates or edits is written in it:
 * mixing the two makes a file no conforming reader has to accept.
 */

export type ConformanceClass = 'transitional' | 'strict';

export interface OoxmlNamespaces {
  readonly conformance: ConformanceClass;
  /** SpreadsheetML's main namespace: every element of workbook.xml, sheets, styles. */
  readonly spreadsheetml: string;
  /** The namespace of relationship-id attributes (`r:id`). */
  readonly relationships: string;
}

export const TRANSITIONAL: OoxmlNamespaces = {
  conformance: 'transitional',
  spreadsheetml: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};

export const STRICT: OoxmlNamespaces = {
  conformance: 'strict',
  spreadsheetml: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  relationships: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};

/** The relationship kinds we create. */
export type CreatedRelationship = 'worksheet' | 'styles';

/**
 * The relationship type URI for a kind in this class: both classes put the types under their
 * relationships namespace (`…/2006/relationships/worksheet`, `…/ooxml/officeDocument/relationships/worksheet`).
 */
export function relationshipType(ns: OoxmlNamespaces, kind: CreatedRelationship): string {
  return `${ns.relationships}/${kind}`;
}

/** True for either class's relationships namespace (reading accepts both). */
export function isRelationshipsNamespace(uri: string | undefined): boolean {
  return uri === TRANSITIONAL.relationships || uri === STRICT.relationships;
}

/** The class of a workbook whose root element is in this namespace (Transitional unless Strict's). */
export function namespacesOf(spreadsheetmlUri: string | undefined): OoxmlNamespaces {
  return spreadsheetmlUri === STRICT.spreadsheetml ? STRICT : TRANSITIONAL;
}
