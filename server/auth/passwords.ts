// Passwords are hashed with argon2id (@node-rs/argon2, its default parameters).
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Why a password is refused for this user name, in Chinese; null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.trim() === '') return '密码不能为空或全是空格';
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 位`;
  if ([...password.trim()].length < MIN_PASSWORD_LENGTH) return `密码除去首尾空格后至少 ${MIN_PASSWORD_LENGTH} 位`;
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return '密码不能与用户名相同';
  return null;
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of one verification against a hash nobody's password matches: a login for a
 * missing or disabled account takes as long as one for an existing account, so timing does not tell
 * which user names exist.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hash(randomBytes(24).toString('base64'));
  await verifyPassword(await dummyHash, password);
  return false;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password for the first administrator when none is configured: 16 characters, easy to type. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}
