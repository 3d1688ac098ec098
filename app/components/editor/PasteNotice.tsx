import { useT } from "../../i18n";

/** Tells the author what a paste left out (images: the schedule holds text); a live region, so it is read out. */
export function PasteNotice({ imagesLeftOut }: { imagesLeftOut: number }) {
  const t = useT();
  return (
    <p role="status" className="paste-notice">
      {imagesLeftOut > 0 && t("editor.paste.imagesLeftOut", { count: imagesLeftOut })}
    </p>
  );
}
