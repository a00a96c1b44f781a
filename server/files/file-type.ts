// Pure rules of uploaded files (stage-3 evidence, self-evaluation and rectification material): what a file is (by its bytes, never its name or declared
// type), and a download name that cannot smuggle paths, control characters or a false extension.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors.js';
import { evidenceContentTypes, type EvidenceContentType } from '../../shared/contracts/evaluation-results.js';

const startsWith = (data: Buffer, bytes: number[]) => data.length >= bytes.length && bytes.every((b, i) => data[i] === b);

/** Office Open XML files are zips whose parts name the application: word/… or xl/…. */
function officeKind(data: Buffer): EvidenceContentType | null {
  // Part names sit in clear in the zip's local headers and central directory.
  if (!data.includes('[Content_Types].xml')) return null;
  const word = data.includes('word/document.xml');
  const excel = data.includes('xl/workbook.xml');
  if (word && !excel) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (excel && !word) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return null;
}

export function evidenceTypeOf(data: Buffer): EvidenceContentType | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return officeKind(data);
  return null;
}

const maxNameLength = 120;

/**
 * The name kept for the download: the last path segment only, without control or reserved
 * characters, and ending in the extension of the type the bytes showed.
 */
export function sanitizeFileName(raw: string, type: EvidenceContentType): string {
  const extension = evidenceContentTypes[type].extension;
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let name = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^[.\s]+/, '').trim();
  if (!name) name = '材料';
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const same = ext === extension || (extension === 'jpg' && ext === 'jpeg');
  if (!same) name = `${name}.${extension}`;
  if (name.length > maxNameLength) {
    const tail = name.slice(name.lastIndexOf('.'));
    name = `${name.slice(0, maxNameLength - tail.length)}${tail}`;
  }
  return name;
}

/** What every upload is checked for before anything is stored: not empty, not too big, a known type by its bytes. */
export function checkUpload(body: unknown, maxBytes: number): { data: Buffer; contentType: EvidenceContentType; sha256: string } {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('evidence.type_not_allowed');
  if (body.length > maxBytes) throw new AppError('evidence.too_large');
  const contentType = evidenceTypeOf(body);
  if (!contentType) throw new AppError('evidence.type_not_allowed');
  return { data: body, contentType, sha256: createHash('sha256').update(body).digest('hex') };
}
