import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";

export type ActionResult = { ok: true; snapshot: AgreementSnapshot } | { ok: false; error: string };

/** POSTs to one of the negotiation's agreement endpoints; the server's refusal comes back as text to show. */
export async function postAgreementAction(negotiationId: string, path: string, body: unknown = {}): Promise<ActionResult> {
  try {
    const res = await fetch(`/api/negotiations/${negotiationId}/${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = (await res.json()) as AgreementSnapshot & { error?: string };
    return res.ok ? { ok: true, snapshot: data } : { ok: false, error: data.error ?? res.statusText };
  } catch {
    return { ok: false, error: "" };
  }
}
