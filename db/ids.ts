import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** 128 random bits: ids are unguessable, so knowing one id reveals nothing about others. */
export function newId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}
