import type { FastifyInstance } from 'fastify';
import { maskIdNumber, maskPhone } from '../../shared/mask.js';

// 公示 rule (SECURITY.md item 27): a page anyone can open never shows a full ID number or mobile
// number. The public answers already carry masked copies, but some show text that staff typed
// (an objection's answer, a commitment, a problem's resolution), which may hold a number. One
// pass over every public JSON answer masks what is left, whatever the route.
const idRun = /(^|\D)(\d{17}[\dXx])(?!\d)/g;
const phoneRun = /(^|\D)(1[3-9]\d{9})(?!\d)/g;

export function maskPersonalNumbers(text: string): string {
  return text.replace(idRun, (_m, before: string, id: string) => before + maskIdNumber(id)).replace(phoneRun, (_m, before: string, phone: string) => before + maskPhone(phone));
}

export function installPublicMasking(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/api/public/') || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    return maskPersonalNumbers(payload);
  });
}
