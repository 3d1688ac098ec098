import { Inflate } from "fflate";

/** What a .docx may unpack to at most; Word's own files are far below both. */
export const zipLimits = { totalBytes: 50 * 1024 * 1024, entries: 2000 };

/** Why an upload is not a usable zip: the caller turns each into the message for the user. */
export class ZipRefusal extends Error {
  constructor(readonly reason: "notZip" | "encrypted" | "tooLarge") {
    super(reason);
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * The entries of a zip, read from its central directory, with a way to unpack one. Nothing is
 * inflated until asked, and unpacking stops at the declared size and at the shared budget, so a
 * zip bomb (a small file that inflates to gigabytes, with honest or lying headers) is refused
 * before it costs memory.
 */
export function openZip(bytes: Uint8Array): { names: string[]; read(name: string): Uint8Array | null } {
  const entries = centralDirectory(bytes);
  if (entries.length > zipLimits.entries) throw new ZipRefusal("tooLarge");
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > zipLimits.totalBytes) throw new ZipRefusal("tooLarge");
  let budget = zipLimits.totalBytes;
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    names: entries.map((e) => e.name),
    read(name) {
      const entry = byName.get(name);
      if (!entry) return null;
      // Bit 0: the entry is encrypted (a zip password, not Word's own protection).
      if (entry.flags & 1) throw new ZipRefusal("encrypted");
      const data = entryData(bytes, entry);
      const out = unpack(data, entry, Math.min(budget, entry.size));
      budget -= out.length;
      return out;
    },
  };
}

function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) throw new ZipRefusal("notZip");
  // The end record sits in the last 22 bytes plus a comment of at most 64 KiB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipRefusal("notZip");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count > zipLimits.entries) throw new ZipRefusal("tooLarge");
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipRefusal("notZip");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: Entry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    // 0xffffffff means the real sizes are in a ZIP64 record: no Word document needs one.
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw new ZipRefusal("tooLarge");
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new ZipRefusal("notZip");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipRefusal("notZip");
  return bytes.subarray(start, start + entry.compressedSize);
}

const chunkSize = 16 * 1024;

function unpack(data: Uint8Array, entry: Entry, limit: number): Uint8Array {
  if (entry.size > limit) throw new ZipRefusal("tooLarge");
  if (entry.method === 0) return data.slice(0, entry.size);
  if (entry.method !== 8) throw new ZipRefusal("notZip");
  const parts: Uint8Array[] = [];
  let length = 0;
  // Fed in small pieces, so one piece can inflate to a few MiB at most before the count stops it.
  const inflate = new Inflate((chunk) => {
    length += chunk.length;
    if (length > limit) throw new ZipRefusal("tooLarge");
    parts.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += chunkSize) inflate.push(data.subarray(at, at + chunkSize), at + chunkSize >= data.length);
  } catch (error) {
    if (error instanceof ZipRefusal) throw error;
    throw new ZipRefusal("notZip");
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
