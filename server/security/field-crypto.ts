// Column encryption for personal data (AES-256-GCM) and keyed digests (HMAC-SHA256) that let
// us find duplicates and chain audit rows without storing the plaintext.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export type FieldCrypto = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  digest(value: string): string;
};

export function createFieldCrypto(secret: Buffer): FieldCrypto {
  const encKey = Buffer.from(hkdfSync('sha256', secret, 'fivestar', 'column-encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', secret, 'fivestar', 'column-digest', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    digest(value) {
      return createHmac('sha256', macKey).update(value).digest('hex');
    },
  };
}
