import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Bytes a sealed value adds to its plaintext: the 12-byte nonce and the 16-byte tag. */
export const sealOverhead = 28;

/** AES-256-GCM: a 12-byte nonce, the 16-byte tag, then the ciphertext. */
export const seal = (key: Buffer, plaintext: Buffer, aad: string): Buffer => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
};

/** Opens what `seal` sealed; throws if the key, the associated data or a byte is wrong. */
export const unseal = (key: Buffer, sealed: Buffer, aad: string): Buffer => {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
};

/** What `unseal` gives, or undefined where it would throw. */
export const tryUnseal = (key: Buffer, sealed: Buffer, aad: string): Buffer | undefined => {
  try {
    return unseal(key, sealed, aad);
  } catch {
    return undefined;
  }
};
