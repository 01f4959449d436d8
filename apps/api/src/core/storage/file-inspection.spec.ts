import { makeDocx, makeZip, makeZipBomb } from '../../../test/zip-fixtures';
import { PNG } from '../../../test/fixtures';
import { ARCHIVE_LIMITS, sniffDocument } from './file-inspection';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function codeOf(data: Buffer, name: string): Promise<string> {
  try {
    await sniffDocument(data, name);
    return 'accepted';
  } catch (err) {
    return (err as { code: string }).code;
  }
}

describe('sniffDocument', () => {
  it.each([
    [PDF, 'rapport.exe', 'application/pdf', 'pdf'],
    [PNG, 'photo.pdf', 'image/png', 'png'],
    [makeDocx(), 'cr.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    [makeZip([{ name: 'a/b.txt', data: Buffer.from('bonjour') }]), 'lot.zip', 'application/zip', 'zip'],
    [Buffer.from('nom;ville\nAcme;Lyon\n'), 'membres.csv', 'text/csv', 'csv'],
    [Buffer.from('# Charte\n\nÉté'), 'charte.md', 'text/markdown', 'md'],
    [Buffer.from('bonjour'), 'notes.exe', 'text/plain', 'txt'],
    [Buffer.from('{\\rtf1 bonjour}'), 'a.rtf', 'application/rtf', 'rtf'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'), 'logo.svg', 'image/svg+xml', 'svg'],
  ])('accepts %#: sniffed from the bytes, not the name', async (data, name, mime, extension) => {
    expect(await sniffDocument(data, name)).toEqual({ mime, extension });
  });

  it.each([
    [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'setup.pdf', 'UNSUPPORTED_FILE_TYPE'],
    [Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(200)]), 'a.txt', 'UNSUPPORTED_FILE_TYPE'],
    [Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'page.txt', 'UNSUPPORTED_FILE_TYPE'],
    [Buffer.from('  <script>alert(1)</script>'), 'notes.txt', 'UNSUPPORTED_FILE_TYPE'],
    [Buffer.from('#!/bin/sh\nrm -rf /\n'), 'run.txt', 'UNSUPPORTED_FILE_TYPE'],
    [Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]), 'bin.txt', 'UNSUPPORTED_FILE_TYPE'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.svg', 'UNSAFE_SVG'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'), 'x.svg', 'UNSAFE_SVG'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)">x</a></svg>'), 'x.svg', 'UNSAFE_SVG'],
    [makeZipBomb(), 'bomb.zip', 'UNSAFE_ARCHIVE'],
    [
      makeZip([{ name: 'big.bin', data: Buffer.from('x'), declaredSize: ARCHIVE_LIMITS.maxUncompressedBytes + 1 }]),
      'big.zip',
      'UNSAFE_ARCHIVE',
    ],
    [makeZip([{ name: '../../etc/cron.d/evil', data: Buffer.from('x') }]), 'slip.zip', 'UNSAFE_ARCHIVE'],
    // A lying archive: 30 MB of zeros declared as 100 bytes (the central directory alone would let it through).
    [makeZip([{ name: 'small.txt', data: Buffer.alloc(30 * 1024 * 1024), declaredSize: 100 }]), 'liar.zip', 'UNSAFE_ARCHIVE'],
    [makeZip([{ name: 'META-INF/MANIFEST.MF', data: Buffer.from('Main-Class: X') }]), 'tool.zip', 'UNSUPPORTED_FILE_TYPE'],
    [Buffer.from('PK\x03\x04garbage'), 'broken.zip', 'UNSAFE_ARCHIVE'],
  ])('refuses %#', async (data, name, code) => {
    expect(await codeOf(data, name)).toBe(code);
  });

  it('refuses archives with too many entries', async () => {
    const entries = Array.from({ length: ARCHIVE_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') }));
    expect(await codeOf(makeZip(entries), 'many.zip')).toBe('UNSAFE_ARCHIVE');
  });
});
