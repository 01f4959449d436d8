import { sanitizeFilename } from './files.service';

describe('sanitizeFilename', () => {
  it.each([
    ['../../etc/passwd.png', 'png', 'passwd.png'],
    ['C:\\Users\\x\\logo.exe', 'png', 'logo.png'],
    ['.htaccess', 'png', 'file.png'],
    ['rapport <script>.pdf', 'pdf', 'rapport script.pdf'],
    ['Société Générale – logo.jpeg', 'jpg', 'Société Générale – logo.jpg'],
  ])('%s → %s', (name, ext, expected) => {
    expect(sanitizeFilename(name, ext)).toBe(expected);
  });
});
