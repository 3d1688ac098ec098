import { useCallback, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import { isRefusalBody, type RefusalBody } from "../../shared/refusal";

/** A refusal is already translated by the server; null means the server could not be reached. */
export type ApiOutcome<T> = { ok: true; data: T } | { ok: false; refusal: RefusalBody | null };

/**
 * The one way the UI changes a negotiation: a POST to its JSON API (README.md, "JSON API"), the
 * same contract scripts and the integration tests use. The agreement page, the editor and the
 * threads all go through here (decision 009).
 */
export async function postToNegotiationApi<T>(negotiationId: string, path: string, body: unknown = {}): Promise<ApiOutcome<T>> {
  try {
    const res = await fetch(`/api/negotiations/${negotiationId}/${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: data as T };
    return { ok: false, refusal: isRefusalBody(data) ? data : null };
  } catch {
    return { ok: false, refusal: null };
  }
}

/** For pages: post to the API, keep the outcome to show, and reload the page's data after a success. */
export function useNegotiationMutation(negotiationId: string) {
  const revalidator = useRevalidator();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<ApiOutcome<unknown> | null>(null);
  const post = useCallback(
    async <T>(path: string, body?: unknown): Promise<ApiOutcome<T>> => {
      setPending(true);
      const result = await postToNegotiationApi<T>(negotiationId, path, body);
      setPending(false);
      setOutcome(result);
      if (result.ok) revalidator.revalidate();
      return result;
    },
    [negotiationId, revalidator],
  );
  return { post, outcome, busy: pending || revalidator.state !== "idle" };
}
