// The rules' thresholds: defaults here, overridden per campaign through the
// campaign configuration's `integrity` map (same dotted names). Conservative by
// design: a flag means the data departs from the honest pattern by a wide margin.

export const defaultThresholds = {
  /** Tail probability under which a count is called far beyond chance. */
  'alpha': 1e-6,
  'sharedDevice.windowMinutes': 120,
  'sharedDevice.minForms': 5,
  /** Honest submissions peak above their average rate; the office expectation is raised by this factor. */
  'sharedDevice.peakFactor': 3,
  'speeders.ratio': 1 / 3,
  'speeders.seriesWindowMinutes': 240,
  'speeders.minSeries': 3,
  'speeders.minCount': 5,
  'identical.minCluster': 4,
  /** Of which at least this many exactly the same sheet. */
  'identical.minIdentical': 3,
  /** Answer sheets differing in at most this many answers count as near-identical. */
  'identical.maxDistance': 1,
  'burst.windowMinutes': 30,
  'burst.minForms': 10,
  /** Quantile of the body's busy hours used as its normal pace. */
  'burst.baselineQuantile': 0.98,
  'forwarded.minDevices': 4,
  'lists.minOutside': 3,
  'lists.outsideShare': 0.05,
  'lists.minNamesPerMailbox': 2,
  'lists.minNamesPerPhone': 3,
  'lists.minChanged': 3,
  'lists.minSeatShare': 0.7,
  'reports.min': 2,
} as const;

export type ThresholdName = keyof typeof defaultThresholds;
export type Thresholds = Record<ThresholdName, number>;

export function resolveThresholds(overrides: Record<string, number> = {}): Thresholds {
  const out = { ...defaultThresholds } as Thresholds;
  for (const [k, v] of Object.entries(overrides)) if (k in out && Number.isFinite(v)) out[k as ThresholdName] = v;
  return out;
}
