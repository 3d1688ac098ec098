import { demoPassword } from "../demo/seedDemo";
import { sessionCookie } from "./collabClient";
import { HttpClient } from "./httpClient";

const demoEmail = (who: string) => `${who}@demo.test`;

/**
 * Logged-in clients for the demo users ("buyer", "supplier", …), one each, made on first use. A
 * login that fails throws there, not as a puzzling 401 further on.
 */
export function demoClients(baseUrl: () => string): (who: string) => Promise<HttpClient> {
  const clients = new Map<string, HttpClient>();
  return async (who) => {
    let client = clients.get(who);
    if (!client) {
      client = new HttpClient(baseUrl());
      const res = await client.logIn(demoEmail(who), demoPassword);
      if (res.status !== 302) throw new Error(`login as ${who} failed: ${res.status}`);
      clients.set(who, client);
    }
    return client;
  };
}

/** A fresh session's Cookie header for each demo user named, for a test file's sockets. */
export async function demoCookies(baseUrl: string, who: readonly string[]): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const name of who) cookies[name] = await sessionCookie(baseUrl, demoEmail(name));
  return cookies;
}

/**
 * POSTs JSON to one negotiation's API as a demo user, as the pages and the editor do: the answer's
 * status and parsed body, typed by the test that reads it.
 */
export function negotiationApi<Body>(as: (who: string) => Promise<HttpClient>, negotiationId: () => string) {
  return async (who: string, path: string, body: unknown = {}): Promise<{ status: number; json: Body }> => {
    const res = await (
      await as(who)
    ).request(`/api/negotiations/${negotiationId()}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Body };
  };
}
