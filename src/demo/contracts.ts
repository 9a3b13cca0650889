// The demo drives the capabilities through the services `createServices`
// returns, by their shared contracts. A capability not built into this copy of
// the service yet is reported and its step skipped, so the demo still runs.
import type { Services } from '../app.js';

export type IntegrityContract = { run(input: { campaignId: string }): Promise<unknown> };

export type Capabilities = { integrity: IntegrityContract | null };

export function capabilitiesOf(services: Services): Capabilities {
  const s = services as unknown as Partial<Record<keyof Capabilities, unknown>>;
  const has = <T>(value: unknown, method: string): T | null =>
    value && typeof (value as Record<string, unknown>)[method] === 'function' ? (value as T) : null;
  return {
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
