// Spreadsheet uploads arrive as the raw .xlsx body; downloads leave as attachments.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../shared/errors.js';

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const maxXlsxBytes = 5 * 1024 * 1024;

export function installXlsxBody(app: FastifyInstance): void {
  app.addContentTypeParser(xlsxMime, { parseAs: 'buffer', bodyLimit: maxXlsxBytes }, (_req, body, done) => {
    done(null, body);
  });
}

/** An .xlsx is a zip: check the bytes, not the name or the declared type. */
export function assertXlsx(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length < 4) throw new AppError('import.not_xlsx');
  if (body.length > maxXlsxBytes) throw new AppError('import.too_large');
  if (!(body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04)) throw new AppError('import.not_xlsx');
  return body;
}

export function sendXlsx(reply: FastifyReply, fileName: string, data: Buffer) {
  return reply
    .header('content-type', xlsxMime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(data);
}
