import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH, verifyChain, type AuditEntry } from './audit-chain.js';

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = { at: new Date(Date.UTC(2023, 11, i)), actor: 'moha', action: 'campaign.create', campaignId: 'c', bodyCode: null, details: { i, nested: { b: 2, a: 1 } } };
    const hash = auditHash(prev, content);
    entries.push({ ...content, seq: i, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

describe('audit chain', () => {
  it('accepts an untouched chain and names its head', () => {
    const entries = chain(5);
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 5, head: entries[4]!.hash });
  });

  it('hashes details independently of key order', () => {
    const content = { at: new Date(0), actor: 'a', action: 'x', campaignId: null, bodyCode: null };
    expect(auditHash(GENESIS_HASH, { ...content, details: { a: 1, b: 2 } })).toBe(auditHash(GENESIS_HASH, { ...content, details: { b: 2, a: 1 } }));
  });

  it('finds an edited entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, details: { i: 99 } };
    expect(verifyChain(entries)).toMatchObject({ ok: false, seq: 3, reason: 'edited' });
  });

  it('finds a removed entry', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toMatchObject({ ok: false, seq: 3, reason: 'removed_or_reordered' });
  });

  it('finds an entry whose hash was recomputed after an edit', () => {
    const entries = chain(5);
    const edited = { ...entries[1]!, actor: 'someone-else' };
    edited.hash = auditHash(edited.prevHash, edited);
    entries[1] = edited;
    expect(verifyChain(entries)).toMatchObject({ ok: false, seq: 3, reason: 'removed_or_reordered' });
  });
});
