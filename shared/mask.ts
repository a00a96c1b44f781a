// Masks for personal data shown on screens, exports and public pages (PIPL; 公示 rules).
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length < 6) return '*'.repeat(id.length);
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 5)}${id.slice(-3)}`;
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

/** 18-digit resident ID (GB 11643) with its check character. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (idWeights[i] ?? 0);
  return idCheckChars[sum % 11] === id[17];
}

export function isValidPhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
