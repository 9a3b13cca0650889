// Issuing the officers' accounts of a whole campaign at once: one account per
// body that has none yet, named after the body's code, each with a generated
// password that is shown once (in the downloaded file) and kept only hashed.
import { randomBytes } from 'node:crypto';

export type PlannedAccount = { bodyCode: string; bodyName: string; username: string };

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 characters in four groups (about 92 bits): easy to read aloud, hard to guess. */
export function generatePassword(random: (n: number) => Buffer = randomBytes): string {
  const chars = [...random(16)].map((b) => PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export function planBodyAccounts(
  bodies: readonly { code: string; name: string }[],
  users: readonly { username: string; role: string; bodyCode: string | null }[],
): PlannedAccount[] {
  const covered = new Set(users.filter((u) => u.role === 'body').map((u) => u.bodyCode));
  const taken = new Set(users.map((u) => u.username));
  const planned: PlannedAccount[] = [];
  for (const body of bodies) {
    if (covered.has(body.code)) continue;
    const base = `donvi-${body.code.toLowerCase()}`;
    let username = base;
    for (let n = 2; taken.has(username); n++) username = `${base}-${n}`;
    taken.add(username);
    planned.push({ bodyCode: body.code, bodyName: body.name, username });
  }
  return planned;
}
