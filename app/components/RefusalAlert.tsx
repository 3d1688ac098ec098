import type { ReactNode } from "react";
import type { RefusalBody } from "../../shared/refusal";

/** A refusal from the server, already in the user's language, with what they need to act on it. */
export function RefusalAlert({ refusal, children }: { refusal: Pick<RefusalBody, "error">; children?: ReactNode }) {
  return (
    <div role="alert" className="form-error">
      <p>{refusal.error}</p>
      {children}
    </div>
  );
}
