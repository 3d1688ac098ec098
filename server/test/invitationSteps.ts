import assert from "node:assert/strict";
import { HttpClient } from "./httpClient";

/** What an inviter and an invitee do through the pages, for tests of invitations. */
export function invitationSteps(baseUrl: () => string, as: (who: string) => Promise<HttpClient>) {
  return {
    /** A new account through the sign-up form, logged in. */
    async signUp(email: string): Promise<HttpClient> {
      const client = new HttpClient(baseUrl());
      const res = await client.request("/signup", { form: { name: email.split("@")[0]!, email, password: "long-enough-password" } });
      assert.equal(res.status, 302);
      return client;
    },
    /** Creates an invitation as `who` on the members page; the link shown to the inviter. */
    async invite(who: string, negotiationId: string, email: string, role: string): Promise<{ status: number; link?: string }> {
      const res = await (await as(who)).request(`/negotiations/${negotiationId}/members`, { form: { intent: "invite", email, role } });
      const html = await res.text();
      return { status: res.status, link: html.match(/value="(http[^"]+\/invitations\/[a-z2-7]+)"/)?.[1] };
    },
  };
}
