/**
 * Optional native (de)compression. In the browser fflate does all the work; in Node the
 * Node-only module (`node.ts`) plugs in zlib, which inflates about three times faster.
 */
export interface NativeCodec {
  inflateRaw(data: Uint8Array): Uint8Array;
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  crc32?(data: Uint8Array, previous: number): number;
}

let native: NativeCodec | undefined;

export function useNativeCodec(codec: NativeCodec | undefined): void {
  native = codec;
}

export function nativeCodec(): NativeCodec | undefined {
  return native;
}
