export const roles = ["buyer", "supplier", "advisor", "observer"] as const;
export type Role = (typeof roles)[number];

export const parties = ["buyer", "supplier"] as const;
export type Party = (typeof parties)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** The party a role negotiates for; advisors and observers belong to neither side. */
export function partyOf(role: Role): Party | null {
  return role === "buyer" || role === "supplier" ? role : null;
}

/** What the dashboard shows as "the other side": for a neutral member, both organisations. */
export function counterparty(role: Role, orgs: { buyerOrg: string; supplierOrg: string }): string {
  if (role === "buyer") return orgs.supplierOrg;
  if (role === "supplier") return orgs.buyerOrg;
  return `${orgs.buyerOrg} ⇄ ${orgs.supplierOrg}`;
}
