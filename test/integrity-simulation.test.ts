// Detection over many simulated bodies: every planted pattern found by its rule
// (target ≥ 95%), honest bodies left alone (target ≤ 1%), with the ground truth
// from the simulator. Runs the same rules the service runs, in memory.
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../src/presets/index.js';
import { simulateCampaign, type SimOptions } from '../scripts/simulate/interference.js';
import { evaluateSimulated, provinceForms, rates } from '../scripts/simulate/score.js';

describe('interference detection on a simulated campaign', () => {
  const preset = loadPreset('2023-province');
  const opts: SimOptions = {
    seed: 2023,
    bodies: Array.from({ length: 280 }, (_, i) => ({ code: `T${String(i).padStart(3, '0')}`, hdndSeats: 45 + (i % 60) })),
    size: [150, 900],
    plantedShare: 0.25,
    forms: provinceForms(preset.campaign),
  };
  const bodies = [...simulateCampaign(opts)];
  const result = rates(evaluateSimulated(bodies, opts).outcomes);

  it.each(result.perRule.map((r) => [r.rule, r] as const))('%s finds ≥ 95%% of planted bodies and flags ≤ 1%% of honest ones', (_, r) => {
    expect(r.planted).toBeGreaterThanOrEqual(9);
    expect(r.detectionRate).toBeGreaterThanOrEqual(0.95);
    expect(r.falsePositiveRate).toBeLessThanOrEqual(0.01);
  });

  it('leaves at least 99% of honest bodies without any flag', () => {
    expect(result.falsePositiveRate).toBeLessThanOrEqual(0.01);
    expect(result.detectionRate).toBeGreaterThanOrEqual(0.95);
  });
});
