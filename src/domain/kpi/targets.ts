/**
 * R-15 (§19): the ministry sets the target value of each indicator for the next year; the Appendix's table shows
 * it beside the normative and the current value. A target is a percentage 0..100, for one indicator and one
 * year that has not ended; entering it again replaces it for reading and keeps the earlier entries (history).
 */
import { err, ok, type Result } from '../shared/result';
import { type IndicatorCode, isIndicatorCode } from './indicators';

export interface TargetInput {
  readonly code: string;
  readonly year: number;
  readonly value: number;
}

export interface Target {
  readonly code: IndicatorCode;
  readonly year: number;
  readonly value: number;
}

/** How far ahead a target may be set. */
export const TARGET_YEARS_AHEAD = 5;

/** A target as entered, checked: a known indicator, this year up to five years ahead, a value 0..100. */
export function checkTarget(input: TargetInput, currentYear: number): Result<Target> {
  if (!isIndicatorCode(input.code)) {
    return err('KPI.UNKNOWN_INDICATOR', 'no such indicator in Appendix 3', { code: input.code });
  }
  if (!Number.isFinite(input.value) || input.value < 0 || input.value > 100) {
    return err('KPI.TARGET_OUT_OF_RANGE', 'a target is a percentage from 0 to 100', {
      value: input.value,
      min: 0,
      max: 100,
    });
  }
  if (
    !Number.isInteger(input.year) ||
    input.year < currentYear ||
    input.year > currentYear + TARGET_YEARS_AHEAD
  ) {
    return err('KPI.TARGET_YEAR_OUT_OF_RANGE', 'a target is set for this year or a year ahead', {
      year: input.year,
      min: currentYear,
      max: currentYear + TARGET_YEARS_AHEAD,
    });
  }
  return ok({ code: input.code, year: input.year, value: Math.round(input.value * 100) / 100 });
}
