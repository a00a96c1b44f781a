// ID numbers and phones are stored encrypted, with masks for display and an HMAC for duplicates.
import { AppError } from '../../../shared/errors.js';
import { isValidIdNumber, isValidPhone, maskIdNumber, maskPhone } from '../../../shared/mask.js';
import type { FieldCrypto } from '../../security/field-crypto.js';

export type ContactColumns = {
  idNumberEnc: string | null;
  idNumberHmac: string | null;
  idNumberMasked: string | null;
  phoneEnc: string | null;
  phoneMasked: string | null;
};

export function checkContact(idNumber: string | null | undefined, phone: string | null | undefined): void {
  if (idNumber && !isValidIdNumber(idNumber)) throw new AppError('person.invalid_id_number');
  if (phone && !isValidPhone(phone)) throw new AppError('person.invalid_phone');
}

export function idNumberHmac(crypto: FieldCrypto, idNumber: string): string {
  return crypto.digest(`id:${idNumber}`);
}

/** Only the fields present in the input are returned, so a partial update leaves the rest. */
export function encodeContact(
  crypto: FieldCrypto,
  input: { idNumber?: string | null; phone?: string | null },
): Partial<ContactColumns> {
  const out: Partial<ContactColumns> = {};
  if (input.idNumber !== undefined) {
    out.idNumberEnc = input.idNumber ? crypto.encrypt(input.idNumber) : null;
    out.idNumberHmac = input.idNumber ? idNumberHmac(crypto, input.idNumber) : null;
    out.idNumberMasked = maskIdNumber(input.idNumber);
  }
  if (input.phone !== undefined) {
    out.phoneEnc = input.phone ? crypto.encrypt(input.phone) : null;
    out.phoneMasked = maskPhone(input.phone);
  }
  return out;
}
