/**
 * A part's text in chunks: decompresses a zip entry piece by piece and decodes it with a
 * streaming TextDecoder, so a 100 MB sheet part never becomes one giant string.
 */
import { decoderFor } from './xml';
import type { ZipArchive, ZipEntry } from './zip';

export function streamPartText(
  archive: ZipArchive,
  entry: ZipEntry,
  onText: (text: string) => void,
  onProgress?: (done: number, total: number) => void,
): void {
  let decoder: TextDecoder | undefined;
  let first = true;
  /** A first chunk too short to show a UTF-16 byte-order mark (two bytes), kept for the next. */
  let lead: Uint8Array | undefined;
  archive.stream(
    entry,
    (chunk) => {
      if (!decoder) {
        if (lead) {
          const both = new Uint8Array(lead.length + chunk.length);
          both.set(lead);
          both.set(chunk, lead.length);
          chunk = both;
          lead = undefined;
        }
        if (chunk.length < 2) {
          lead = chunk.slice();
          return;
        }
        decoder = decoderFor(chunk);
      }
      let text = decoder.decode(chunk, { stream: true });
      if (first && text.length) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (text.length) onText(text);
    },
    onProgress,
  );
  if (lead) decoder = decoderFor(lead);
  if (decoder) {
    const rest = decoder.decode(lead);
    if (rest.length) onText(rest);
  }
}
