import { useT, type MessageKey } from "../../i18n";

const points = {
  nis2: ["wizard.help.nis2.sectors", "wizard.help.nis2.size", "wizard.help.nis2.essential", "wizard.help.nis2.duties", "wizard.help.nis2.supplier"],
  dora: ["wizard.help.dora.who", "wizard.help.dora.providers", "wizard.help.dora.critical", "wizard.help.dora.tick"],
} satisfies Record<string, MessageKey[]>;

/** "Does this apply to us?": the criteria in plain words, folded so the question stays short (a native disclosure, no script). */
export function RegimeHelp({ regime }: { regime: keyof typeof points }) {
  const t = useT();
  return (
    <details className="regime-help">
      <summary>{t(`wizard.help.${regime}.question`)}</summary>
      <ul>
        {points[regime].map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </details>
  );
}
