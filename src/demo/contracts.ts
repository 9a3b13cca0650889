// The demo drives the capabilities through the services `createServices`
// returns, by their shared contracts. A capability not built into this copy of
// the service yet is reported and its step skipped, so the demo still runs.
import type { Services } from '../app.js';

export type ImportReport = {
  imported: number;
  merged: number;
  warnings: unknown[];
  errors: { line: number; column?: string | null; code: string; message: string }[];
};

export type RosterContract = {
  importCsv(input: { campaignId: string; bodyCode: string; group?: string; bytes: Buffer; dryRun: boolean; actor: string; fileName?: string }): Promise<ImportReport>;
  submit(input: { campaignId: string; bodyCode: string; actor: string }): Promise<unknown>;
};

export type MailContract = {
  sendPending(options?: { limit?: number }): Promise<unknown>;
  ingestBounce(rawMessage: Buffer): Promise<unknown>;
  close?(): Promise<void>;
};

export type IntegrityContract = { run(input: { campaignId: string }): Promise<unknown> };

export type Capabilities = {
  roster: RosterContract | null;
  mail: MailContract | null;
  integrity: IntegrityContract | null;
};

export function capabilitiesOf(services: Services): Capabilities {
  const s = services as unknown as Partial<Record<keyof Capabilities, unknown>>;
  const has = <T>(value: unknown, method: string): T | null =>
    value && typeof (value as Record<string, unknown>)[method] === 'function' ? (value as T) : null;
  return {
    roster: has<RosterContract>(s.roster, 'importCsv'),
    mail: has<MailContract>(s.mail, 'sendPending'),
    integrity: has<IntegrityContract>(s.integrity, 'run'),
  };
}

/** A count out of a service's answer: a number, an array's length, or a named field. */
export function countOf(value: unknown, ...keys: string[]): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') {
    for (const key of keys) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'number') return v;
      if (Array.isArray(v)) return v.length;
    }
  }
  return 0;
}
