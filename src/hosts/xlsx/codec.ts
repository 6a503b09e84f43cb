/**
 * Optional native (de)compression. In the browser fflate does all the work; in Node the
 * Node-only module (`node.ts`) plugs in zlib (see `zlibCodec.ts`), which inflates about three
 * times faster.
 */
export interface NativeCodec {
  /**
   * Inflates a whole raw-deflate stream. Must stop as soon as the output would pass `maxOutput`
   * bytes and throw `InflateLimitError` then: the limit is what keeps a zip bomb out of memory.
   */
  inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array;
  /**
   * Deflates one piece of an entry: `final` false ends the piece with a full flush (byte-aligned,
   * no final block, no history carried over), so pieces deflated one after another concatenate
   * into one valid raw-deflate stream; the last piece has `final` true.
   */
  deflateRaw(data: Uint8Array, level: number, final?: boolean): Uint8Array;
  crc32?(data: Uint8Array, previous: number): number;
}

/** Thrown by a codec when the inflated data would pass the limit it was given. */
export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`inflated data passes ${limit} bytes`);
    this.name = 'InflateLimitError';
  }
}

let native: NativeCodec | undefined;

export function useNativeCodec(codec: NativeCodec | undefined): void {
  native = codec;
}

export function nativeCodec(): NativeCodec | undefined {
  return native;
}
