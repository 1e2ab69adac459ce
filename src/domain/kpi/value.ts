/**
 * an indicator's value from its sums, and how it stands against the normative value of Appendix 3 and
 * the ministry's target. Nothing counted is "no data" — never 100 % (nor 0 %).
 */
import type { Tally } from './count';
import { type Direction, type IndicatorDefinition, INDICATORS, type IndicatorCode } from './indicators';

export type IndicatorValue =
  | { readonly kind: 'no_data'; readonly numerator: number; readonly denominator: 0 }
  | {
      readonly kind: 'value';
      readonly numerator: number;
      readonly denominator: number;
      /** 100 × numerator / denominator, unrounded. */
      readonly percent: number;
    };

export function indicatorValue(t: Tally): IndicatorValue {
  if (t.denominator === 0) return { kind: 'no_data', numerator: t.numerator, denominator: 0 };
  return {
    kind: 'value',
    numerator: t.numerator,
    denominator: t.denominator,
    percent: (100 * t.numerator) / t.denominator,
  };
}

/** One decimal, as the tables show it. */
export function roundPercent(percent: number): number {
  return Math.round(percent * 10) / 10;
}

/**
 * Green: meets the normative. Amber: misses the normative but meets the year's target (the agreed step
 * towards it). Red: misses both, or misses the normative with no target set. `no_data`: nothing counted.
 */
export type Rating = 'green' | 'amber' | 'red' | 'no_data';

export interface Assessment {
  readonly rating: Rating;
  readonly meetsNormative: boolean | null;
  /** Null when there is no data or no target. */
  readonly meetsTarget: boolean | null;
}

/**
 * Whether `numerator / denominator` as a percent meets `bound` in the indicator's direction. Compared as
 * integers-and-products, not as a rounded float, so 1/3 of 300 % is exactly 100 %.
 */
export function meets(definition: IndicatorDefinition, t: Tally, bound: number): boolean {
  const lhs = 100 * t.numerator;
  const rhs = bound * t.denominator;
  return definition.direction === 'floor' ? lhs >= rhs : lhs <= rhs;
}

export function assess(code: IndicatorCode, t: Tally, target: number | null): Assessment {
  if (t.denominator === 0) return { rating: 'no_data', meetsNormative: null, meetsTarget: null };
  const d = INDICATORS[code];
  const meetsNormative = meets(d, t, d.normative);
  const meetsTarget = target === null ? null : meets(d, t, target);
  const rating: Rating = meetsNormative ? 'green' : meetsTarget ? 'amber' : 'red';
  return { rating, meetsNormative, meetsTarget };
}

/**
 * How a rating is said: the key of its words (the UI's `kpi.rating.<words>`, the exports' table). Missing a floor
 * is "below the normative"; missing a ceiling (4.1: at most 1 % justified complaints) is "above the permitted
 * level" — a value over a ceiling is never "below" anything. Meeting it, or no data, reads the same either way.
 */
export type RatingWords = Rating | 'ceiling_amber' | 'ceiling_red';

export function ratingWords(direction: Direction, rating: Rating): RatingWords {
  if (direction === 'ceiling' && rating === 'amber') return 'ceiling_amber';
  if (direction === 'ceiling' && rating === 'red') return 'ceiling_red';
  return rating;
}
