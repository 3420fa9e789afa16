import { crc32, inflateSync } from 'node:zlib';

/** A decoded PNG: 8-bit RGBA, four bytes per pixel, rows top to bottom. */
export interface DecodedPng {
  widthPx: number;
  heightPx: number;
  rgba: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;
const BYTES_PER_PIXEL = 4;

interface Chunk {
  type: string;
  data: Buffer;
}

/**
 * Decodes the one PNG flavour Teams icons should be: 8-bit RGBA, not interlaced. Anything else,
 * and any chunk with a wrong checksum, is an error rather than a guess.
 * Format: https://www.w3.org/TR/png-3/
 */
export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('Not a PNG: bad signature.');
  const chunks = readChunks(file);
  const header = chunks.find((chunk) => chunk.type === 'IHDR');
  if (!header) throw new Error('PNG has no IHDR chunk.');

  const widthPx = header.data.readUInt32BE(0);
  const heightPx = header.data.readUInt32BE(4);
  const [bitDepth, colorType, , , interlace] = header.data.subarray(8, 13);
  if (bitDepth !== 8 || colorType !== COLOR_TYPE_RGBA || interlace !== 0) {
    throw new Error(
      `Unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}.`,
    );
  }

  const compressed = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const rgba = unfilter(inflateSync(compressed), widthPx, heightPx);
  return { widthPx, heightPx, rgba };
}

function readChunks(file: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  let at = SIGNATURE.length;
  while (at < file.length) {
    const length = file.readUInt32BE(at);
    const typeAndData = file.subarray(at + 4, at + 8 + length);
    const storedCrc = file.readUInt32BE(at + 8 + length);
    const type = typeAndData.subarray(0, 4).toString('ascii');
    if (crc32(typeAndData) !== storedCrc) throw new Error(`PNG chunk ${type} has a bad CRC.`);
    chunks.push({ type, data: typeAndData.subarray(4) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** Undoes the per-row filters (none, sub, up, average, Paeth). */
function unfilter(filtered: Buffer, widthPx: number, heightPx: number): Buffer {
  const rowBytes = widthPx * BYTES_PER_PIXEL;
  if (filtered.length !== heightPx * (rowBytes + 1)) {
    throw new Error(
      `PNG image data has ${filtered.length} bytes, not ${heightPx * (rowBytes + 1)}.`,
    );
  }
  const out = Buffer.alloc(heightPx * rowBytes);
  for (let row = 0; row < heightPx; row++) {
    const filter = filtered[row * (rowBytes + 1)];
    const source = filtered.subarray(row * (rowBytes + 1) + 1, (row + 1) * (rowBytes + 1));
    for (let i = 0; i < rowBytes; i++) {
      const left = i >= BYTES_PER_PIXEL ? out[row * rowBytes + i - BYTES_PER_PIXEL] : 0;
      const up = row > 0 ? out[(row - 1) * rowBytes + i] : 0;
      const upLeft =
        row > 0 && i >= BYTES_PER_PIXEL ? out[(row - 1) * rowBytes + i - BYTES_PER_PIXEL] : 0;
      out[row * rowBytes + i] = (source[i] + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4:
      return paeth(left, up, upLeft);
    default:
      throw new Error(`PNG row uses unknown filter type ${filter}.`);
  }
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** The RGBA values of each pixel, in reading order. */
export function* pixels(png: DecodedPng): Generator<[number, number, number, number]> {
  for (let at = 0; at < png.rgba.length; at += BYTES_PER_PIXEL) {
    yield [png.rgba[at], png.rgba[at + 1], png.rgba[at + 2], png.rgba[at + 3]];
  }
}
