// A minimal ZIP writer (deflate, no ZIP64, no encryption): enough for a Teams app package of
// three small files without adding a dependency. Format: PKWARE APPNOTE.TXT, sections 4.3.7
// (local file header), 4.3.12 (central directory header) and 4.3.16 (end of central directory).
const zlib = require('node:zlib');

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const VERSION_NEEDED = 20;
const METHOD_DEFLATE = 8;
const FLAG_UTF8_NAMES = 0x0800;
// Every entry is stamped 1980-01-01 00:00 (the earliest MS-DOS date), so the same inputs always
// give the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
const MAX_ZIP32_BYTES = 0xffffffff;
const MAX_ZIP32_ENTRIES = 0xffff;

/**
 * @param {{ name: string, data: Buffer }[]} files names use '/' and sit at the archive root
 *   unless they contain a folder.
 * @returns {Buffer} the whole archive
 */
function createZip(files) {
  const localParts = [];
  const centralParts = [];
  let offset = 0;

  for (const file of files) {
    const entry = describeEntry(file);
    const local = localHeader(entry);
    localParts.push(local, entry.compressed);
    centralParts.push(centralHeader(entry, offset));
    offset += local.length + entry.compressed.length;
  }

  const central = Buffer.concat(centralParts);
  if (offset + central.length > MAX_ZIP32_BYTES || files.length > MAX_ZIP32_ENTRIES) {
    throw new Error('The archive needs ZIP64 (over 4 GiB or 65,535 files); this writer has none.');
  }
  return Buffer.concat([
    ...localParts,
    central,
    endOfCentralDirectory(files.length, central, offset),
  ]);
}

function describeEntry({ name, data }) {
  return {
    name: Buffer.from(name, 'utf8'),
    crc32: zlib.crc32(data),
    size: data.length,
    compressed: zlib.deflateRawSync(data, { level: 9 }),
  };
}

function localHeader(entry) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER_SIGNATURE, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  writeEntryFields(header, 6, entry);
  header.writeUInt16LE(0, 28); // extra field length
  return Buffer.concat([header, entry.name]);
}

function centralHeader(entry, localHeaderOffset) {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4); // version made by
  header.writeUInt16LE(VERSION_NEEDED, 6);
  writeEntryFields(header, 8, entry);
  // Bytes 30-41 stay zero: extra and comment lengths, disk number, attributes.
  header.writeUInt32LE(localHeaderOffset, 42);
  return Buffer.concat([header, entry.name]);
}

/** The run of fields the local and central headers share, from "flags" to "name length". */
function writeEntryFields(header, at, entry) {
  header.writeUInt16LE(FLAG_UTF8_NAMES, at);
  header.writeUInt16LE(METHOD_DEFLATE, at + 2);
  header.writeUInt16LE(DOS_TIME, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(entry.crc32, at + 8);
  header.writeUInt32LE(entry.compressed.length, at + 12);
  header.writeUInt32LE(entry.size, at + 16);
  header.writeUInt16LE(entry.name.length, at + 20);
}

function endOfCentralDirectory(entryCount, central, centralOffset) {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY_SIGNATURE, 0);
  // Bytes 4-7 stay zero: this disk and the disk where the central directory starts.
  record.writeUInt16LE(entryCount, 8);
  record.writeUInt16LE(entryCount, 10);
  record.writeUInt32LE(central.length, 12);
  record.writeUInt32LE(centralOffset, 16);
  return record;
}

module.exports = { createZip };
