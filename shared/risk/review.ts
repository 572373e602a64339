import { type ReviewTrigger, type RiskLevel } from '../vocabularies/risk';

/** DOMAIN.md: 90 days by default, 30 at high, 7 at extreme. */
export const REVIEW_INTERVAL_DAYS: Record<RiskLevel, number> = {
  low: 90,
  medium: 90,
  high: 30,
  extreme: 7,
};

/** A review is "due" this many days ahead, so the dashboard warns before the date passes. */
export const REVIEW_DUE_SOON_DAYS = 7;

export type ReviewStatus = 'scheduled' | 'due' | 'overdue' | 'at_once';

const DAY_MS = 86_400_000;

/** Calendar arithmetic on YYYY-MM-DD, in UTC so that no time zone shifts a date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The next review follows the level the network acts on: the override when there is one. */
export function nextReviewDate(assessedOn: string, level: RiskLevel): string {
  return addDays(assessedOn, REVIEW_INTERVAL_DAYS[level]);
}

/**
 * Where an assessment stands on `today`: any trigger (a new aggression, a threat to relatives, a
 * change in the case) means review at once, whatever the date; otherwise overdue after the date,
 * due within REVIEW_DUE_SOON_DAYS of it.
 */
export function reviewStatus(
  nextReviewOn: string,
  triggers: readonly ReviewTrigger[],
  today: string,
): ReviewStatus {
  if (triggers.length > 0) return 'at_once';
  if (nextReviewOn < today) return 'overdue';
  if (nextReviewOn <= addDays(today, REVIEW_DUE_SOON_DAYS)) return 'due';
  return 'scheduled';
}

/** Today's date where the user is (the review dates are calendar dates, not instants). */
export function localToday(now = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}
