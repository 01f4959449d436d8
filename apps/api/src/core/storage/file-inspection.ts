import { HttpStatus } from '@nestjs/common';
import { filetypeinfo } from 'magic-bytes.js';
import { fromBuffer, type Entry } from 'yauzl';
import { AppException } from '../errors/app-exception';

/** A type decided from the bytes (never from the name or the declared type). */
export interface SniffedType {
  mime: string;
  extension: string;
}

/** Limits on what an archive may expand to (checked on its central directory, nothing is extracted). */
export const ARCHIVE_LIMITS = {
  maxEntries: 5000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Total uncompressed size over the archive's size, checked once the archive expands past 10 MB. */
  maxRatio: 100,
  ratioFloorBytes: 10 * 1024 * 1024,
};

const RASTER = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
const OLE_TYPES = new Map([
  ['doc', 'application/msword'],
  ['xls', 'application/vnd.ms-excel'],
  ['ppt', 'application/vnd.ms-powerpoint'],
]);
const OOXML = [
  { marker: 'word/', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  { marker: 'xl/', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  { marker: 'ppt/', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx' },
];
const ODF = new Map([
  ['odt', 'application/vnd.oasis.opendocument.text'],
  ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
  ['odp', 'application/vnd.oasis.opendocument.presentation'],
]);
const TEXT_TYPES = new Map([
  ['csv', 'text/csv'],
  ['md', 'text/markdown'],
  ['txt', 'text/plain'],
]);
/** Archive entries that make a zip an installable program (Java, Android). */
const EXECUTABLE_ENTRIES = /^(META-INF\/MANIFEST\.MF|AndroidManifest\.xml|classes\.dex)$/i;
const MARKUP = /<\s*(!doctype\s+html|html|head|body|script|iframe|object|embed|svg|\?xml|meta|link|style)\b/i;
const SVG_ACTIVE =
  /<\s*(script|foreignObject|iframe|embed|object|handler|set|animate)\b|\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*(?:javascript|data|vbscript):|<!ENTITY/i;

export function isRasterImage(mime: string): boolean {
  return RASTER.has(mime);
}

const unsupported = () =>
  new AppException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'UNSUPPORTED_FILE_TYPE',
    'Accepted: PDF, images, office documents, text, CSV and ZIP files (no programs, web pages or scripts)',
  );
const unsafeArchive = (reason: string) =>
  new AppException(HttpStatus.UNPROCESSABLE_ENTITY, 'UNSAFE_ARCHIVE', `This archive was refused: ${reason}`);

function extensionOf(filename: string): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(filename.trim());
  return match ? match[1].toLowerCase() : '';
}

/** The entries of a zip from its central directory (sizes as declared; nothing is decompressed). */
function zipEntries(data: Buffer): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(data, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(unsafeArchive('it cannot be read'));
      const entries: Entry[] = [];
      zip.on('error', () => reject(unsafeArchive('it has an invalid or unsafe entry name')));
      zip.on('entry', (entry: Entry) => {
        entries.push(entry);
        if (entries.length > ARCHIVE_LIMITS.maxEntries) {
          zip.close();
          return reject(unsafeArchive(`it has more than ${ARCHIVE_LIMITS.maxEntries} entries`));
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

/**
 * Inflates every entry once, discarding the bytes, so that sizes declared in the headers cannot lie: yauzl
 * stops an entry as soon as it yields more than its declared size. The work is bounded by the declared
 * total, checked beforehand. Encrypted entries cannot be read and are left as they are.
 */
function verifyDeclaredSizes(data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = () => reject(unsafeArchive('its entries are larger than they declare'));
    fromBuffer(data, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return fail();
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        if (entry.isEncrypted() || entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) {
            zip.close();
            return fail();
          }
          stream.on('error', () => {
            zip.close();
            fail();
          });
          stream.on('end', () => zip.readEntry());
          stream.resume();
        });
      });
      zip.readEntry();
    });
  });
}

/** Refuses archives that would expand too much (zip bombs, declared or hidden), hold programs, or whose entry names escape their folder. */
export async function checkArchive(data: Buffer): Promise<Entry[]> {
  const entries = await zipEntries(data);
  let total = 0;
  for (const entry of entries) {
    const name = entry.fileName;
    // yauzl already refuses absolute paths and '..'; control characters and drive letters too.
    if (/[\u0000-\u001f\u007f]/.test(name) || /^[a-z]:/i.test(name) || name.split('/').includes('..'))
      throw unsafeArchive('it has an unsafe entry name');
    if (EXECUTABLE_ENTRIES.test(name)) throw unsupported();
    total += entry.uncompressedSize;
  }
  if (total > ARCHIVE_LIMITS.maxUncompressedBytes) throw unsafeArchive('its content expands beyond the size limit');
  if (total > ARCHIVE_LIMITS.ratioFloorBytes && total / Math.max(data.length, 1) > ARCHIVE_LIMITS.maxRatio) {
    throw unsafeArchive('its content is compressed suspiciously much');
  }
  await verifyDeclaredSizes(data);
  return entries;
}

/** Plain text (UTF-8, no NUL, no markup, no shebang), typed by the name's extension: text, CSV or Markdown. */
function sniffText(data: Buffer, filename: string): SniffedType | null {
  if (data.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(0, 64 * 1024));
  } catch {
    // A multi-byte character cut at 64 KiB is fine; anything else is not UTF-8.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(0, 64 * 1024 - 4));
      text = data.subarray(0, 64 * 1024 - 4).toString('utf8');
    } catch {
      return null;
    }
  }
  if (text.startsWith('#!') || MARKUP.test(text.slice(0, 4096))) return null;
  const extension = extensionOf(filename);
  const mime = TEXT_TYPES.get(extension);
  return mime ? { mime, extension } : { mime: 'text/plain', extension: 'txt' };
}

function checkSvg(data: Buffer): SniffedType {
  const text = data.toString('utf8');
  if (SVG_ACTIVE.test(text))
    throw new AppException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'UNSAFE_SVG',
      'SVG images carrying scripts, event handlers or embedded content are refused',
    );
  return { mime: 'image/svg+xml', extension: 'svg' };
}

/**
 * The type of a document library upload, decided from its bytes: PDF, raster images, SVG without
 * active content, office documents (OOXML, OpenDocument, legacy Office, RTF), ZIP archives (checked
 * against bombs, unsafe names and programs), UTF-8 text, CSV and Markdown. Executables, HTML, XML and
 * anything unknown are refused (415).
 */
export async function sniffDocument(data: Buffer, filename: string): Promise<SniffedType> {
  const candidates = filetypeinfo(data);
  const first = candidates[0];
  const ext = extensionOf(filename);
  if (!first) {
    const text = sniffText(data, filename);
    if (text) return text;
    throw unsupported();
  }
  const mimes = new Set(candidates.map((c) => c.mime));
  if (mimes.has('application/pdf')) return { mime: 'application/pdf', extension: 'pdf' };
  if (first.mime && RASTER.has(first.mime))
    return { mime: first.mime, extension: first.extension === 'jpeg' ? 'jpg' : (first.extension ?? 'img') };
  if (first.typename === 'SVG' || mimes.has('image/svg+xml')) return checkSvg(data);
  if (first.mime === 'application/rtf') return { mime: 'application/rtf', extension: 'rtf' };
  if (mimes.has('application/msword')) {
    // An OLE container: accepted as the Office document its name says (a .msi or anything else is refused).
    const mime = OLE_TYPES.get(ext);
    if (!mime) throw unsupported();
    return { mime, extension: ext };
  }
  if (mimes.has('application/zip')) {
    const entries = await checkArchive(data);
    const names = new Set(entries.map((e) => e.fileName));
    if (names.has('[Content_Types].xml')) {
      const ooxml = OOXML.find((o) => entries.some((e) => e.fileName.startsWith(o.marker)));
      if (ooxml) return { mime: ooxml.mime, extension: ooxml.extension };
    }
    const odf = names.has('mimetype') ? ODF.get(ext) : undefined;
    if (odf) return { mime: odf, extension: ext };
    return { mime: 'application/zip', extension: 'zip' };
  }
  throw unsupported();
}
