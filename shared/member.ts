import type { Party, Role } from "./roles";

/**
 * A signed-in user as a member of one negotiation: what the gate (`requireMember`) hands every
 * route, API call and socket, and what the policy and the domain functions take.
 */
export interface Member {
  negotiationId: string;
  userId: string;
  name: string;
  role: Role;
  /** The side the member negotiates for; null for advisors and observers. */
  party: Party | null;
  /** Owners sign off and manage their party's members. */
  owner: boolean;
}

/** Who is asking, as far as the rules care: a `Member` fits, and so does a bare role for the docs table. */
export type Asker = Pick<Member, "role" | "owner">;
