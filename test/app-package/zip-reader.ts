import { crc32, inflateRawSync } from 'node:zlib';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const END_OF_CENTRAL_DIRECTORY_BYTES = 22;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;

/**
 * Reads a ZIP archive through its central directory, the way Teams and unzip tools do, and
 * checks each entry's size and CRC-32. Returns the entries in archive order.
 * Format: PKWARE APPNOTE.TXT, sections 4.3.7, 4.3.12 and 4.3.16.
 */
export function readZip(archive: Buffer): Map<string, Buffer> {
  const end = findEndOfCentralDirectory(archive);
  const entryCount = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);

  const entries = new Map<string, Buffer>();
  for (let i = 0; i < entryCount; i++) {
    if (archive.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) {
      throw new Error(`ZIP central directory entry ${i} has a bad signature.`);
    }
    const nameLength = archive.readUInt16LE(at + 28);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    entries.set(name, readEntry(archive, name, at));
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return entries;
}

function findEndOfCentralDirectory(archive: Buffer): number {
  for (let at = archive.length - END_OF_CENTRAL_DIRECTORY_BYTES; at >= 0; at--) {
    if (archive.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY_SIGNATURE) return at;
  }
  throw new Error('Not a ZIP archive: no end-of-central-directory record.');
}

function readEntry(archive: Buffer, name: string, central: number): Buffer {
  const method = archive.readUInt16LE(central + 10);
  const expectedCrc = archive.readUInt32LE(central + 16);
  const compressedSize = archive.readUInt32LE(central + 20);
  const size = archive.readUInt32LE(central + 24);
  const local = archive.readUInt32LE(central + 42);
  if (archive.readUInt32LE(local) !== LOCAL_HEADER_SIGNATURE) {
    throw new Error(`ZIP entry ${name} points at a bad local header.`);
  }

  const dataStart =
    local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
  const stored = archive.subarray(dataStart, dataStart + compressedSize);
  const data = decompress(stored, method, name);
  if (data.length !== size || crc32(data) !== expectedCrc) {
    throw new Error(`ZIP entry ${name} does not match its size or CRC-32.`);
  }
  return data;
}

function decompress(stored: Buffer, method: number, name: string): Buffer {
  if (method === METHOD_STORE) return stored;
  if (method === METHOD_DEFLATE) return inflateRawSync(stored);
  throw new Error(`ZIP entry ${name} uses compression method ${method}.`);
}
