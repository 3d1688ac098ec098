import type { Reason } from "../../../shared/templates/selectClauses";
import type { Translate } from "../../i18n";

/** Why a clause is proposed, in words: the service's model set, a regime's article, or a sector's certification. */
export function reasonText(t: Translate, reason: Reason): string {
  if (reason.kind === "service") return t("reason.service", { service: t(`service.${reason.service}`) });
  if (reason.kind === "sector") return t(`reason.sector.${reason.sector}`);
  return t(`reason.regime.${reason.regime}`, { ref: reason.ref });
}
