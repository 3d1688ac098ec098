import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/**
 * 128 random bits in base32: unguessable (knowing one id reveals nothing about others) and, for
 * clause ids minted by several peers at once, collision-free without coordination.
 */
export function newId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What every id minted by newId looks like (26 characters), with room for longer ones. */
export const scheduleIdPattern = /^[a-z2-7]{10,64}$/;
