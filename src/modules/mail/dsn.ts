// Reads a delivery status notification (RFC 3464): which of our messages it is
// about (the Message-ID in the returned headers), and whether delivery failed
// for good (Action: failed, Status 5.x.x) or is only delayed.

export type DsnPart = { contentType: string; content: string };
export type DsnReading = { messageIds: string[]; permanent: boolean; status: string | null; reason: string | null };

const MESSAGE_ID = /^(?:message-id|original-message-id)\s*:\s*(<[^>\s]+>)/gim;

function field(text: string, name: string): string | null {
  const m = text.match(new RegExp(`^${name}\\s*:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, 'im'));
  return m ? m[1]!.replace(/\s+/g, ' ').trim() : null;
}

export function readDsn(ownMessageId: string | undefined, parts: readonly DsnPart[], rawText: string): DsnReading {
  const status = parts.find((p) => /delivery-status/i.test(p.contentType))?.content ?? rawText;
  const returned = parts.filter((p) => /rfc822/i.test(p.contentType)).map((p) => p.content);
  const sources = returned.length > 0 ? [...returned, status] : [rawText];
  const ids = new Set<string>();
  for (const text of sources) for (const m of text.matchAll(MESSAGE_ID)) if (m[1] !== ownMessageId) ids.add(m[1]!);
  const action = field(status, 'Action')?.toLowerCase() ?? null;
  const code = field(status, 'Status');
  const permanent = action === 'failed' || (action === null && /^5\./.test(code ?? ''));
  const reason = field(status, 'Diagnostic-Code') ?? (code ? `Status: ${code}` : null);
  return { messageIds: [...ids], permanent, status: code, reason: reason?.slice(0, 500) ?? null };
}
