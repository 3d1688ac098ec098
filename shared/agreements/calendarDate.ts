// Review dates are calendar days, kept as YYYY-MM-DD and read as midnight UTC. Apart from the
// snapshot's schemas so that browser code reading a date does not ship zod.

export const reviewDateMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
/** The calendar date (YYYY-MM-DD, UTC) of a moment: what reviewDateMs reads back. */
export const calendarDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
