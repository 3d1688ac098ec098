import { canManage } from "./membership";
import type { Asker } from "./member";
import type { MessageKey } from "./i18n/index";
import { partyOf, roles, type Party, type Role } from "./roles";

/**
 * The one place that decides who may do what. The server enforces it (`server/authorize.ts`);
 * loaders send its answers to the page (`presentPolicies`), so the UI never restates a rule.
 * docs/permissions.md renders it (a test keeps the two the same).
 */
export const actions = [
  "view",
  "edit",
  "comment",
  "keepInternalNotes",
  "agree",
  "moderate",
  "signOff",
  "openRound",
  "setReviewDate",
  "manageMembers",
  "saveVersion",
  "export",
  "readAudit",
  "setChanges",
  "decideProposal",
  "runSession",
  "setSessionModeration",
] as const;
export type Action = (typeof actions)[number];

/** What state-dependent rules look at; the server reads it fresh for every decision. */
export interface NegotiationState {
  /** A signed agreement is in force and nobody edits until a round opens. */
  frozen: boolean;
  /** Both parties have signed at least once. */
  hasEffectiveVersion: boolean;
  /**
   * The parties whose owner has signed the schedule's current text (same hash) in this round. Only
   * decisions about signing off need it; without it nobody counts as having signed.
   */
  signedCurrentText?: readonly Party[];
  /** The setting "sessions are moderated by advisors only" (decision 032); absent counts as on, its default. */
  sessionsByAdvisorsOnly?: boolean;
}

/** Whom a member-management action is about. */
export interface MemberTarget {
  role: Role;
  otherPartyHasMembers?: boolean;
}

export interface Refusal {
  status: 403 | 409;
  messageKey: MessageKey;
}

interface Rule {
  /** Who may, whatever the state. */
  who: (asker: Asker, target?: MemberTarget) => boolean;
  refused: MessageKey;
  /** When the negotiation's state forbids it anyway (409: try again after the state changes). */
  blockedBy?: (state: NegotiationState, asker: Asker) => MessageKey | null;
  /** The state rule in words, for docs/permissions.md. */
  stateNote?: string;
}

const isParty = (a: Asker) => partyOf(a.role) !== null;
const isPartyOwner = (a: Asker) => isParty(a) && a.owner;
const neutral = (a: Asker) => a.role === "advisor";
const everyone = () => true;

const rules: Record<Action, Rule> = {
  view: { who: everyone, refused: "error.notMember" },
  edit: {
    who: (a) => a.role !== "observer",
    refused: "editor.readOnlyExplain",
    blockedBy: (s) => (s.frozen ? "agreements.error.frozen" : null),
    stateNote: "not while an agreement is in force (frozen): every connection is read-only until a round opens",
  },
  comment: { who: (a) => a.role !== "observer", refused: "threads.error.notAllowed" },
  keepInternalNotes: { who: isParty, refused: "threads.error.internalNeedsParty" },
  // Advisors are neutral: they never agree on behalf of a party.
  agree: {
    who: isParty,
    refused: "agreements.error.notParty",
    blockedBy: (s) => (s.frozen ? "agreements.error.frozen" : null),
    stateNote: "not while an agreement is in force (frozen)",
  },
  moderate: { who: neutral, refused: "error.notModerator" },
  signOff: {
    who: isPartyOwner,
    refused: "agreements.error.notOwner",
    blockedBy: (s, a) => {
      if (s.frozen) return "agreements.error.alreadyEffective";
      const party = partyOf(a.role);
      return party && s.signedCurrentText?.includes(party) ? "agreements.error.alreadySigned" : null;
    },
    stateNote:
      "not while an agreement is in force, nor again for the same text in the same round; and only once every clause and the structure are agreed by both",
  },
  // A party opens an amendment round; an advisor the same kind of round as a periodic review.
  openRound: {
    who: (a) => isParty(a) || neutral(a),
    refused: "agreements.error.cannotOpenRound",
    blockedBy: (s) => (s.frozen ? null : "agreements.error.notEffective"),
    stateNote: "only while an agreement is in force",
  },
  setReviewDate: {
    who: (a) => isPartyOwner(a) || neutral(a),
    refused: "agreements.error.cannotSetReview",
    blockedBy: (s) => (s.hasEffectiveVersion ? null : "agreements.error.noEffectiveYet"),
    stateNote: "once both parties have signed an agreement",
  },
  // Without a target: may this member manage anyone at all (the invite form)?
  manageMembers: {
    who: (a, target) => (target ? canManage(a, target.role, target.otherPartyHasMembers ?? true) : isPartyOwner(a)),
    refused: "members.error.notAllowed",
    stateNote: "whom: see Managing members below",
  },
  // Observers only read; advisors moderate, which includes marking a point in the text.
  saveVersion: { who: (a) => a.role !== "observer", refused: "versions.error.notAllowed" },
  export: { who: everyone, refused: "error.forbidden" },
  readAudit: { who: everyone, refused: "error.forbidden" },
  // Whether edits go in directly or as proposals is the parties' choice, like signing.
  setChanges: { who: isPartyOwner, refused: "proposals.error.notOwner" },
  // Accepting changes the text the parties agree to, so it is a party's move (never an advisor's);
  // which party is the proposal's business: the other one (server/proposals/decisions.ts).
  decideProposal: {
    who: isParty,
    refused: "agreements.error.notParty",
    blockedBy: (s) => (s.frozen ? "agreements.error.frozen" : null),
    stateNote: "not while an agreement is in force (frozen); and only a proposal by the other party",
  },
  // Plan, start, record and end a moderated session (decision 032). Advisors always; a party owner
  // only where the parties lifted "sessions are moderated by advisors only". Recording an outcome
  // is a record of the meeting, never an agreement: that stays "agree".
  runSession: {
    who: (a) => neutral(a) || isPartyOwner(a),
    refused: "sessions.error.notAllowed",
    blockedBy: (s, a) => (!neutral(a) && s.sessionsByAdvisorsOnly !== false ? "sessions.error.advisorsOnly" : null),
    stateNote: 'a party owner only while the setting "sessions are moderated by advisors only" is off (it is on by default)',
  },
  // Who moderates is the parties' choice, like how edits are taken.
  setSessionModeration: { who: isPartyOwner, refused: "proposals.error.notOwner" },
};

/**
 * Why `asker` may not do `action`, or null when they may. With `state`, the negotiation's state
 * counts too; without it, the answer is whether the member's role and ownership ever allow it.
 */
export function refusal(asker: Asker, action: Action, state?: NegotiationState, target?: MemberTarget): Refusal | null {
  const rule = rules[action];
  if (!rule.who(asker, target)) return { status: 403, messageKey: rule.refused };
  const blocked = state && rule.blockedBy?.(state, asker);
  return blocked ? { status: 409, messageKey: blocked } : null;
}

export function may(asker: Asker, action: Action, state?: NegotiationState, target?: MemberTarget): boolean {
  return refusal(asker, action, state, target) === null;
}

export type Policies = Record<Action, boolean>;

/** Every answer for one member in the current state, for a loader to send to its page. */
export function presentPolicies(asker: Asker, state: NegotiationState): Policies {
  return Object.fromEntries(actions.map((action) => [action, may(asker, action, state)])) as Policies;
}

/** The policy as Markdown, for docs/permissions.md (a test keeps the two the same). */
export function policyMarkdown(): string {
  const askers: { label: string; asker: Asker }[] = roles.flatMap((role) =>
    partyOf(role)
      ? [
          { label: role, asker: { role, owner: false } },
          { label: `${role} owner`, asker: { role, owner: true } },
        ]
      : [{ label: role, asker: { role, owner: false } }],
  );
  const header = `| member | ${actions.join(" | ")} |`;
  const rule = `| --- | ${actions.map(() => "---").join(" | ")} |`;
  const rows = askers.map(({ label, asker }) => `| ${label} | ${actions.map((a) => (rules[a].who(asker) ? "yes" : "no")).join(" | ")} |`);
  const notes = actions.flatMap((a) => (rules[a].stateNote ? [`- **${a}**: ${rules[a].stateNote}.`] : []));
  return [header, rule, ...rows, "", "Depending on the negotiation's state:", "", ...notes].join("\n");
}
