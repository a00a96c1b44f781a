import { describe, expect, it } from 'vitest';
import { evidenceTypeOf, sanitizeFileName } from './file-type.js';

const zipWith = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names.join('\0'))]);

describe('evidence type by content', () => {
  it('when the first bytes are PDF, JPEG or PNG signatures, then that is the type whatever follows', () => {
    expect(evidenceTypeOf(Buffer.from('%PDF-1.7 ...'))).toBe('application/pdf');
    expect(evidenceTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(evidenceTypeOf(Buffer.from('89504e470d0a1a0a00', 'hex'))).toBe('image/png');
  });

  it('when a zip names word/ or xl/ parts, then it is a .docx or .xlsx; a zip naming both or neither is refused', () => {
    expect(evidenceTypeOf(zipWith('[Content_Types].xml', 'word/document.xml'))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(evidenceTypeOf(zipWith('[Content_Types].xml', 'xl/workbook.xml'))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(evidenceTypeOf(zipWith('[Content_Types].xml', 'word/document.xml', 'xl/workbook.xml'))).toBeNull();
    expect(evidenceTypeOf(zipWith('readme.txt'))).toBeNull();
  });

  it('when the bytes are HTML, an executable or too short, then no type', () => {
    expect(evidenceTypeOf(Buffer.from('<html></html>'))).toBeNull();
    expect(evidenceTypeOf(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(evidenceTypeOf(Buffer.from('%PD'))).toBeNull();
  });
});

describe('download names', () => {
  it('when a name carries a path, control or reserved characters, then only a clean last segment is kept', () => {
    expect(sanitizeFileName('..\\..\\windows\\报告.pdf', 'application/pdf')).toBe('报告.pdf');
    expect(sanitizeFileName('a\r\nb<c>:"|?*.pdf', 'application/pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('../', 'application/pdf')).toBe('材料.pdf');
    expect(sanitizeFileName('.htaccess', 'image/png')).toBe('htaccess.png');
  });

  it('when the extension does not match the bytes, then the right one is added; .jpeg counts as jpg', () => {
    expect(sanitizeFileName('photo.exe', 'image/png')).toBe('photo.exe.png');
    expect(sanitizeFileName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    expect(sanitizeFileName('台账.XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('台账.XLSX');
  });

  it('when a name is very long, then it is cut to 120 characters keeping the extension', () => {
    const name = sanitizeFileName(`${'长'.repeat(300)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
