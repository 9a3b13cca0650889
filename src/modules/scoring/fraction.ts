// Exact rational arithmetic for scores. Option weights and maximum points are
// decimals from the scheme; counts are integers; every mean and weighted sum
// stays an exact fraction, and only the published figure is rounded, half up,
// once. decimal.js reads the scheme's numbers exactly and prints the results.
import { Decimal } from 'decimal.js';

export type Fraction = { readonly n: bigint; readonly d: bigint };

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export function frac(n: bigint, d = 1n): Fraction {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const ZERO = frac(0n);

/** A scheme number (0.6, 1.5, 38.5) as the exact decimal it is written as. */
export function fromNumber(value: number | string): Fraction {
  const [n, d] = new Decimal(value).toFraction();
  return frac(BigInt(n!.toFixed()), BigInt(d!.toFixed()));
}

export const fromInt = (value: number) => frac(BigInt(value));
export const add = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
export const sum = (values: readonly Fraction[]) => values.reduce(add, ZERO);
export const compare = (a: Fraction, b: Fraction) => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};

/** Rounds half up (away from zero for the non-negative values scores take) to `places` and prints it. */
export function toFixedHalfUp(value: Fraction, places: number): string {
  const scale = 10n ** BigInt(places);
  const negative = value.n < 0n;
  const n = negative ? -value.n : value.n;
  const scaled = (n * scale * 2n + value.d) / (2n * value.d);
  const digits = scaled.toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}

/** For display and checks only; never used in a computation. */
export const toDecimal = (value: Fraction) => new Decimal(value.n.toString()).div(value.d.toString());
