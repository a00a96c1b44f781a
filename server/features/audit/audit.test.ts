import { describe, expect, it } from 'vitest';
import { canonicalJson, cleanLogText } from './audit.js';
import { createFieldCrypto } from '../../security/field-crypto.js';

describe('audit helpers', () => {
  it('when objects differ only in key order, then their canonical JSON is the same', () => {
    expect(canonicalJson({ b: 1, a: { y: [1, 'x'], x: null } })).toBe(canonicalJson({ a: { x: null, y: [1, 'x'] }, b: 1 }));
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('when a typed username holds CR/LF, then the log gets it encoded on one line', () => {
    expect(cleanLogText('bob\r\nadmin logged in')).toBe('bob\\u000d\\u000aadmin logged in');
  });
});

describe('field crypto', () => {
  const crypto = createFieldCrypto(Buffer.alloc(32, 1));
  it('when a value is encrypted twice, then the ciphertexts differ but both decrypt; a tampered one fails', () => {
    const a = crypto.encrypt('13812341234');
    const b = crypto.encrypt('13812341234');
    expect(a).not.toBe(b);
    expect(crypto.decrypt(a)).toBe('13812341234');
    const parts = a.split('.');
    const tampered = [...parts.slice(0, 3), Buffer.from('13812341235').toString('base64')].join('.');
    expect(() => crypto.decrypt(tampered)).toThrow();
  });

  it('when digests are made with different keys, then they differ', () => {
    expect(crypto.digest('x')).not.toBe(createFieldCrypto(Buffer.alloc(32, 2)).digest('x'));
  });
});
