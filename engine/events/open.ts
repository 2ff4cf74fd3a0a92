/**
 * Opening an event file: bytes as a stream, gzip undone when the file starts with gzip's magic
 * (1f 8b) whatever its name, and the first bytes (decompressed) for format detection.
 */
import { createReadStream, statSync } from 'node:fs';
import { open as openFd } from 'node:fs/promises';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;
/** Bytes read for detection; enough for a whole first event line in every format we know. */
export const HEAD_BYTES = 64 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC_0 && bytes[1] === GZIP_MAGIC_1;
}

async function rawHead(path: string, n: number): Promise<Uint8Array> {
  const fd = await openFd(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fd.read(buf, 0, n, 0);
    return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
  } finally {
    await fd.close();
  }
}

/**
 * Most bytes one gzip file may inflate to: DAC_MAX_GUNZIP_BYTES, else 100 × its size with a
 * floor of 256 MiB, so a 4 MB → 4 GB bomb stops early with a reason (issue 15 item 6).
 */
export function gunzipBudget(compressedBytes: number): number {
  const env = Number(process.env.DAC_MAX_GUNZIP_BYTES);
  return env > 0 ? env : Math.max(256 * 1024 * 1024, 100 * compressedBytes);
}

/** The file's bytes, decompressed if gzip, as a stream of chunks (memory flat in file size). */
export async function* openStream(path: string): AsyncIterable<Uint8Array> {
  const gz = isGzip(await rawHead(path, 2));
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  // Z_SYNC_FLUSH: a truncated gzip still yields what it holds (a damaged tail is then a rejected
  // record), instead of losing every byte of a small file.
  const stream = gz ? raw.pipe(createGunzip({ chunkSize: 1 << 20, finishFlush: zlibConstants.Z_SYNC_FLUSH })) : raw;
  // Errors on the file stream do not travel through pipe(): forward them, or they are uncaught.
  if (gz) raw.on('error', (e) => stream.destroy(e));
  const budget = gz ? gunzipBudget(statSync(path).size) : Infinity;
  let inflated = 0;
  try {
    for await (const chunk of stream) {
      inflated += (chunk as Uint8Array).length;
      if (inflated > budget) throw new Error(`gzip inflates past ${budget} bytes (raise DAC_MAX_GUNZIP_BYTES)`);
      yield chunk as Uint8Array;
    }
  } finally {
    raw.destroy();
    if (gz) stream.destroy();
  }
}

/** Up to `n` decompressed bytes from the start of the file (for detect()). */
export async function readHead(path: string, n = HEAD_BYTES): Promise<Uint8Array> {
  const first = await rawHead(path, n);
  if (!isGzip(first)) return first;
  // A truncated gzip stream still inflates up to where it stops: read the head through the stream.
  const parts: Uint8Array[] = [];
  let have = 0;
  for await (const chunk of openStream(path)) {
    parts.push(chunk);
    have += chunk.length;
    if (have >= n) break;
  }
  const all = Buffer.concat(parts);
  return new Uint8Array(all.buffer, all.byteOffset, Math.min(n, all.length));
}

/** Whole-buffer helper for tests and small inputs. */
export function gunzipIfNeeded(bytes: Uint8Array): Uint8Array {
  return isGzip(bytes) ? new Uint8Array(gunzipSync(bytes)) : bytes;
}

/** Wraps an in-memory buffer as the stream shape readers take (tests, generated data). */
export async function* bytesStream(bytes: Uint8Array, chunkSize = 1 << 16): AsyncIterable<Uint8Array> {
  const data = gunzipIfNeeded(bytes);
  for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, Math.min(data.length, i + chunkSize));
}
