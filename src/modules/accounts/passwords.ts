// Passwords are stored as argon2id hashes. Checking an unknown user still costs
// one hash, so response time does not reveal which usernames exist.
import argon2 from 'argon2';
import { invalid } from '../../errors.js';

export const MIN_PASSWORD_LENGTH = 10;

export function checkPasswordStrength(password: string, username: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid(`Mật khẩu phải dài ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, [{ field: 'password', message: 'quá ngắn' }]);
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw invalid('Mật khẩu không được chứa tên đăng nhập.', [{ field: 'password', message: 'chứa tên đăng nhập' }]);
  }
}

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

let decoy: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    decoy ??= hashPassword('decoy password for unknown users');
    await argon2.verify(await decoy, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
