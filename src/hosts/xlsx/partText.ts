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
  archive.stream(
    entry,
    (chunk) => {
      if (!decoder) decoder = decoderFor(chunk);
      let text = decoder.decode(chunk, { stream: true });
      if (first && text.length) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (text.length) onText(text);
    },
    onProgress,
  );
  if (decoder) {
    const rest = decoder.decode();
    if (rest.length) onText(rest);
  }
}
