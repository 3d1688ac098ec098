import type { AuditRow } from "../../db/queries/auditLog";

// A cell a spreadsheet would run as a formula is prefixed, so opening the file runs nothing.
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV, one row per entry, times in UTC. `describe` gives each entry's sentence. */
export function auditCsv(rows: AuditRow[], describe: (row: AuditRow) => string): string {
  const header = ["time_utc", "member", "action", "description", "detail_json"];
  const lines = rows.map((r) => [new Date(r.at).toISOString(), r.userName ?? "", r.action, describe(r), JSON.stringify(r.detail)].map(cell).join(","));
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
