import type { Role } from "../roles";

/** Who a connection is, as the server tells everyone else: never taken from the client. */
export interface PresenceUser {
  userId: string;
  name: string;
  role: Role;
  color: string;
}

export const roleColors: Record<Role, string> = {
  buyer: "#1f6f4a",
  supplier: "#8a3ab9",
  advisor: "#a65a00",
  observer: "#55606f",
};
