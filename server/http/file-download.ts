// Sending a stored upload back: always an attachment with the type its bytes showed, never sniffed
// or rendered in place, never cached by a shared cache. Also the raw-body parser uploads use.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { xlsxMime } from './xlsx.js';

export function sendFileDownload(reply: FastifyReply, file: { fileName: string; contentType: string; data: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

/**
 * Uploads arrive as the raw file body whatever type the browser declares: the service decides the
 * type from the bytes. Call inside the plugin whose routes take such bodies (and only there).
 */
export function acceptRawUploads(app: FastifyInstance, maxBytes: number) {
  app.removeContentTypeParser(xlsxMime);
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
}
