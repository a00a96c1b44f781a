// The household code of the phone survey (每户一码): 16 Crockford base32 characters (80 random
// bits) and one check character (Luhn mod 32), printed as XXXX-XXXX-XXXX-XXXX-C and put behind the
// QR as /m/survey/<17 characters>. The check character lets the phone page and the server refuse a
// mistyped code before any lookup. Shared by the server and the phone page.

export const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const codeBodyLength = 16;

/** Luhn mod 32 over the body: catches every single wrong character and most swapped neighbours. */
export function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * codeAlphabet.indexOf(body[i] as string);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return codeAlphabet[(32 - (sum % 32)) % 32] as string;
}

/** Typed text → the 17-character code: upper case, separators dropped, O→0 and I/L→1 as Crockford reads them. */
export function normalizeCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** The code if it is well formed (alphabet, length, check character), else null. */
export function parseCode(typed: string): string | null {
  const code = normalizeCode(typed);
  if (code.length !== codeBodyLength + 1) return null;
  for (const ch of code) if (!codeAlphabet.includes(ch)) return null;
  const body = code.slice(0, codeBodyLength);
  return checkCharacter(body) === code[codeBodyLength] ? code : null;
}

/** XXXX-XXXX-XXXX-XXXX-C: how the card prints it. */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12, 16)}-${code.slice(16)}`;
}

/** Bytes → base32 characters, 5 bits each (the caller passes enough random bytes). */
export function base32Of(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += codeAlphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (out.length < length) throw new Error('not enough random bytes');
  return out;
}
