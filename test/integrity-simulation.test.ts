// Detection over many simulated bodies against the simulator's ground truth:
// every planted scenario found by its rule, honest bodies (shared office NAT,
// standard browser images, carrier NAT, multi-device people, keen offices, 4%
// genuine all-A) left alone. Runs the same rules and baselines the service runs.
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../src/presets/index.js';
import { simulateCampaign, type SimOptions } from '../scripts/simulate/interference.js';
import { evaluateSimulated, provinceForms, rates, type Outcome } from '../scripts/simulate/score.js';

const preset = loadPreset('2023-province');

function campaigns(size: number, runs: number): Outcome[] {
  const out: Outcome[] = [];
  for (let s = 0; s < runs; s++) {
    const opts: SimOptions = { seed: 7 + s, bodies: preset.campaign.bodies, size: [Math.round(size * 0.85), Math.round(size * 1.15)], plantedShare: 0.3, forms: provinceForms(preset.campaign) };
    out.push(...evaluateSimulated([...simulateCampaign(opts)], opts).outcomes);
  }
  return out;
}

describe('interference detection on simulated campaigns of 63 provinces', () => {
  it.each([
    [300, 0.95, 0.01],
    [40, 0.9, 0.02],
  ])('at ~%i forms per body: recall ≥ %f, honest bodies flagged ≤ %f', (size, recall, honest) => {
    const r = rates(campaigns(size, 3));
    for (const s of r.perScenario) expect.soft(s.recall, s.scenario).toBeGreaterThanOrEqual(recall);
    expect(r.honestFlaggedShare).toBeLessThanOrEqual(honest);
    expect(r.honest).toBeGreaterThan(100);
  });
});
