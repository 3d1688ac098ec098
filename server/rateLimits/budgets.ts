import type { MessageKey } from "../../shared/i18n/index";
import { DomainError } from "../errors";
import type { Budget } from "./ledger";

const hour = 60 * 60 * 1000;

/** Accounts made from one client address: a script cannot mint members (or probe emails) in bulk. */
export function signupBudget(ip: string, perHour: number): Budget {
  return { subject: `signup-ip:${ip}`, max: perHour, windowMs: hour };
}

/** Negotiations one account may start per day: each is a document the server keeps and serves. */
export function negotiationBudget(userId: string, perDay: number): Budget {
  return { subject: `negotiations-user:${userId}`, max: perDay, windowMs: 24 * hour };
}

/** A spent budget: a refusal like any other, answered 429 with Retry-After and "try again in {minutes} minutes". */
export class RateLimitedError extends DomainError {
  constructor(messageKey: MessageKey, retryAfterMs: number) {
    const { seconds, minutes } = retryAfter(retryAfterMs);
    super(429, messageKey, { retryAfterSeconds: seconds }, { minutes });
  }
}

/** The Retry-After header's seconds, and the minutes that messages ("try again in {minutes} minutes") show. */
function retryAfter(ms: number): { seconds: number; minutes: number } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return { seconds, minutes: Math.ceil(seconds / 60) };
}
