/** "YYYY-MM-DD" of the instant in UTC: the day a daily budget counts against. */
export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}
