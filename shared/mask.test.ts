import { describe, expect, it } from 'vitest';
import { isValidIdNumber, isValidPhone, maskIdNumber, maskPhone } from './mask.js';
import { isStrongPassword } from './password-policy.js';

describe('masks', () => {
  it('when a phone or ID number is masked, then the 公示 patterns no longer match', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskIdNumber('35012319800101123X')).toBe('35*************23X');
    for (const masked of [maskPhone('13812341234'), maskIdNumber('35012319800101123X')]) {
      expect(masked).not.toMatch(/\d{17}[\dXx]/);
      expect(masked).not.toMatch(/1[3-9]\d{9}/);
    }
    expect(maskPhone(null)).toBeNull();
  });

  it('when an ID number is checked, then the GB 11643 check character decides', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(isValidPhone('13912345678')).toBe(true);
    expect(isValidPhone('12912345678')).toBe(false);
  });
});

describe('password policy', () => {
  it('when a password is short or has fewer than three kinds, then it is weak; 64+ characters are fine', () => {
    expect(isStrongPassword('Abc-12345')).toBe(false);
    expect(isStrongPassword('abcdefghijkl1')).toBe(false);
    expect(isStrongPassword('abcdefghijk-1')).toBe(true);
    expect(isStrongPassword(`Aa1${'x'.repeat(70)}`)).toBe(true);
  });
});
