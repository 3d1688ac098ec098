// A mention is stored as a token naming the user by id, `@[Name](user:ID)`: the name is what the
// author saw when typing, the id is who is meant. It renders as the member's current name.
export const mentionPattern = /@\[([^\]\n]{1,100})\]\(user:([a-z2-7]{10,64})\)/g;

export function mentionToken(name: string, userId: string): string {
  return `@[${name.replace(/[\]\n]/g, "")}](user:${userId})`;
}

/** The ids a comment's body mentions, each once. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(mentionPattern)].map((m) => m[2]!))];
}
