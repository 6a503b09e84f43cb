/**
 * The Node zlib codec (imported by `node.ts` only: the browser build never sees `node:zlib`).
 * `maxOutputLength` makes zlib stop within one 16 KB chunk of the limit instead of inflating a
 * bomb to the end first.
 */
import type * as Zlib from 'node:zlib';
import { InflateLimitError, type NativeCodec } from './codec';

export function zlibCodec(zlib: typeof Zlib): NativeCodec {
  return {
    inflateRaw: (data, maxOutput) => {
      // zlib wants a limit of at least 1; an empty entry inflates to nothing either way.
      const limit = Math.max(1, maxOutput);
      let out: Uint8Array;
      try {
        out = zlib.inflateRawSync(data, { maxOutputLength: limit });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError(maxOutput);
        throw e;
      }
      if (out.length > maxOutput) throw new InflateLimitError(maxOutput);
      return out;
    },
    deflateRaw: (data, level, final = true) =>
      zlib.deflateRawSync(data, { level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH }),
    ...(typeof zlib.crc32 === 'function' ? { crc32: (data: Uint8Array, previous: number) => zlib.crc32(data, previous) } : {}),
  };
}
