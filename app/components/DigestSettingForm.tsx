import { Form } from "@remix-run/react";
import { useId } from "react";
import { useT } from "../i18n";

/** On or off for the mail digest of unread notifications (settings page). */
export function DigestSettingForm({ enabled, intervalHours }: { enabled: boolean; intervalHours: number }) {
  const t = useT();
  const id = useId();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="digest" />
      <p>
        <input id={id} type="checkbox" name="enabled" value="1" defaultChecked={enabled} aria-describedby={`${id}-hint`} />{" "}
        <label htmlFor={id}>{t("settings.digest.label")}</label>
      </p>
      <p id={`${id}-hint`} className="hint">
        {t("settings.digest.hint", { hours: intervalHours })}
      </p>
      <button type="submit">{t("settings.digest.save")}</button>
    </Form>
  );
}
