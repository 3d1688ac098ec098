import { useT } from "../../i18n";
import type { WaitingFor } from "../../../shared/agreements/waitingFor";

/** "Waiting for you" and "waiting for them", each with what exactly, for one negotiation's row. */
export function WaitingForSummary({ waiting: w }: { waiting: WaitingFor }) {
  const t = useT();
  const forYou = [
    w.changeRequested > 0 && t("waiting.changeRequested", { count: w.changeRequested }),
    w.yourAgreement > 0 && t("waiting.yourAgreement", { count: w.yourAgreement }),
    w.yourSignoff && t("waiting.yourSignoff"),
  ].filter((x): x is string => Boolean(x));
  const forThem = [
    w.yourChangeRequests > 0 && t("waiting.yourChangeRequests", { count: w.yourChangeRequests }),
    w.theirAgreement > 0 && t("waiting.theirAgreement", { count: w.theirAgreement }),
    w.theirSignoff && t("waiting.theirSignoff"),
  ].filter((x): x is string => Boolean(x));
  return (
    <dl className="waiting-for">
      <dt>{t("waiting.forYou")}</dt>
      <dd>{forYou.length ? forYou.join(" · ") : t("waiting.nothing")}</dd>
      <dt>{t("waiting.forThem")}</dt>
      <dd>{forThem.length ? forThem.join(" · ") : t("waiting.nothing")}</dd>
    </dl>
  );
}
