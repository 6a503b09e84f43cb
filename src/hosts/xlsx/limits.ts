/**
 * The package layer's resource limits, in one place so that the code, the tests and the README
 * agree. Each is set well above what Excel itself writes, and low enough that a hostile file
 * (a zip bomb, a lying size, XML nested thousands deep) is refused before it costs more than a
 * few hundred MB of memory.
 */

const MiB = 1024 * 1024;

export const LIMITS = {
  /**
   * Parts read whole and parsed into a tree ([Content_Types].xml, relationships, workbook.xml,
   * styles.xml, tables): 32 MB unpacked. Excel's own caps (about 64,000 cell formats) keep
   * the biggest real ones to a few tens of MB.
   */
  smallPartBytes: 32 * MiB,
  /**
   * Parts streamed (sheets, shared strings) or copied untouched (images, pivot caches…): 4 GB
   * unpacked. A sheet at Excel's limit of 1,048,576 rows with 20 columns of values and styles
   * is about 1 GB; 4 GB leaves room for some 40 columns of formulas.
   */
  largePartBytes: 4096 * MiB,
  /**
   * A part may unpack to at most 250 times its packed size once it is over 16 MB. Sheets
   * Excel writes pack 5–40 times; deflate's own maximum (a run of zeros) is about 1,030.
   */
  packRatio: 250,
  packRatioGraceBytes: 16 * MiB,
  /**
   * Parts (zip entries) in one package: 500,000. Real workbooks have tens to a few thousand;
   * each entry costs about 1 KB while a write holds the package read and the one written.
   */
  entries: 500_000,
  /**
   * Element nesting in a small part. libxml2 (LibreOffice, xmllint) stops at 256 by default;
   * real workbook.xml and styles.xml are nested under 10 deep.
   */
  xmlDepth: 256,
  /**
   * One row of a sheet, one string (`<si>`) of the shared strings, or one tag, comment or text
   * in them, as the streaming readers hold it before they can read it: 64 million characters.
   * Excel keeps a sheet's text in the shared strings, so a row holds numbers, indexes and
   * formulas: the widest real rows are a few hundred KB, and 64 million characters is 16,384
   * cells (a full row) of about 3,900 characters each. A string Excel writes has at most
   * 32,767 characters (a few MB with rich-text runs). A row is held as one string (two bytes a
   * character for Chinese) and copied once or twice while it is read, so this cap keeps one
   * token within a few hundred MB.
   */
  tokenChars: 64_000_000,
} as const;

/** `67108864` → `64 MB`, `4294967296` → `4 GB` (binary units, as Windows Explorer shows them). */
export function formatBytes(n: number, lang: 'zh' | 'en' = 'en'): string {
  if (n >= 1024 * MiB) return `${+(n / (1024 * MiB)).toFixed(1)} GB`;
  if (n >= MiB) return `${+(n / MiB).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return lang === 'zh' ? `${n} 字节` : `${n} bytes`;
}
