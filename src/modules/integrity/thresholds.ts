// The rules' thresholds: defaults here, overridden per campaign through the
// campaign configuration's `integrity` map (same dotted names). Every statistical
// rule compares a body with an honest model built from the body itself and the
// rest of the nation, and flags only what that model makes very unlikely once
// corrected for testing every body (and every group) of the campaign.

export const defaultThresholds = {
  /**
   * Family-wise error per rule over the whole campaign: corrected probabilities
   * above this raise nothing. 0.01 means one honest body flagged by a rule in a
   * hundred campaigns, if the honest model is right.
   */
  'alpha': 0.01,
  /** A device (its own key) carrying at least this many forms is considered at all. */
  'sharedDevice.minForms': 3,
  /** Floor of the honest rate of extra forms per device (shared office PCs). */
  'sharedDevice.minRate': 0.03,
  /** Floor of the honest share of submits that never loaded the form (cache, glitches). */
  'unloaded.minRate': 0.0005,
  'unloaded.minForms': 3,
  /** Active time under this share of the group's national median counts as speeding. */
  'speeders.ratio': 1 / 4,
  'speeders.minCount': 5,
  /** Floor of the honest share of speeders. */
  'speeders.minRate': 0.002,
  /** A sheet counts as straight-lined when at least this many answers are given, all the same option. */
  'straight.minAnswered': 8,
  'straight.minCount': 4,
  /** Floor of the honest share of straight-lined sheets per form. */
  'straight.minRate': 0.005,
  /** Bodies needed for the between-body spread of answer shares (the peer comparison). */
  'shift.minBodies': 8,
  'shift.minForms': 15,
  'identical.minCluster': 4,
  /** Of which at least this many exactly the same sheet. */
  'identical.minIdentical': 3,
  /** Answer sheets differing in at most this many answers count as near-identical. */
  'identical.maxDistance': 1,
  'burst.windowMinutes': 30,
  'burst.minForms': 10,
  /** The busiest half hour must also exceed the busy bodies' (90th percentile) share by this factor. */
  'burst.peakFactor': 1.5,
  /** ...and hold at least this share of the body's forms: a keen office spreads over its morning. */
  'burst.minShare': 0.5,
  /** Links opened from at least this many devices count as passed on (mail app, phone, home, office is four). */
  'forwarded.minDevices': 5,
  'forwarded.minLinks': 2,
  'forwarded.minRate': 0.002,
  'lists.minOutside': 3,
  'lists.outsideShare': 0.05,
  /** Honest share of private mailboxes in a list. */
  'lists.outsideRate': 0.01,
  'lists.minNamesPerMailbox': 2,
  'lists.minNamesPerPhone': 3,
  'lists.minChanged': 3,
  'lists.minSeatShare': 0.7,
  'reports.min': 1,
} as const;

export type ThresholdName = keyof typeof defaultThresholds;
export type Thresholds = Record<ThresholdName, number>;

export function resolveThresholds(overrides: Record<string, number> = {}): Thresholds {
  const out = { ...defaultThresholds } as Thresholds;
  for (const [k, v] of Object.entries(overrides)) if (k in out && Number.isFinite(v)) out[k as ThresholdName] = v;
  return out;
}
