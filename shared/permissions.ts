import type { Role } from "./roles";

// The one table that says who may do what. The server enforces it; the UI only uses it to hide
// controls a member could not use anyway. docs/permissions.md renders the same table.
export const actions = ["view", "edit", "comment", "agree", "moderate"] as const;
export type Action = (typeof actions)[number];

export const permissions: Record<Role, Record<Action, boolean>> = {
  buyer: { view: true, edit: true, comment: true, agree: true, moderate: false },
  supplier: { view: true, edit: true, comment: true, agree: true, moderate: false },
  advisor: { view: true, edit: true, comment: true, agree: false, moderate: true },
  observer: { view: true, edit: false, comment: false, agree: false, moderate: false },
};

export function can(role: Role | null | undefined, action: Action): boolean {
  return role ? permissions[role][action] : false;
}

/** The table as Markdown, for docs/permissions.md (a test keeps the two the same). */
export function permissionsMarkdown(): string {
  const header = `| role | ${actions.join(" | ")} |`;
  const rule = `| --- | ${actions.map(() => "---").join(" | ")} |`;
  const rows = (Object.keys(permissions) as Role[]).map((role) => `| ${role} | ${actions.map((a) => (permissions[role][a] ? "yes" : "no")).join(" | ")} |`);
  return [header, rule, ...rows].join("\n");
}
