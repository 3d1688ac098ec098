import { useEffect, useId, useState } from "react";
import type { EditorView } from "prosemirror-view";
import { setRequirement } from "../../../shared/editor/commands";
import { CATEGORIES } from "../../../shared/knowledge/categories";
import { levels, type LevelName } from "../../../shared/templates/wizardChoices";
import { useT, type MessageKey } from "../../i18n";
import { insertRequirement } from "./insertRequirement";

type Hit = { id: string; title: string; kind: string };

/** Search or browse the catalogue, then insert a clause at a level after the cursor's clause, or link it. */
export function AddFromCatalogue({ view, linked, defaultLevel }: { view: EditorView; linked: string | null; defaultLevel: LevelName }) {
  const t = useT();
  const id = useId();
  const [q, setQ] = useState("");
  const [category, setCategory] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [level, setLevel] = useState<LevelName>(defaultLevel);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- clears the hits of the previous search
    if (q.trim().length < 2 && !category) return setHits([]);
    const controller = new AbortController();
    const params = new URLSearchParams({ q: q.trim().length < 2 ? "" : q, category });
    const timer = setTimeout(() => {
      fetch(`/api/knowledge?${params}`, { signal: controller.signal })
        .then((res) => (res.ok ? (res.json() as Promise<Hit[]>) : []))
        .then(setHits)
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, category]);

  const insert = async (hit: Hit) => setFailed(!(await insertRequirement(view, hit.id, level)));

  return (
    <details className="add-from-catalogue">
      <summary>{t("knowledge.add.title")}</summary>
      {linked && (
        <button type="button" onClick={() => setRequirement(null)(view.state, view.dispatch, view)}>
          {t("knowledge.add.unlink")}
        </button>
      )}
      <label htmlFor={`${id}-q`}>{t("knowledge.search")}</label>
      <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      <label htmlFor={`${id}-category`}>{t("knowledge.browseCategory")}</label>
      <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
        <option value="">{t("knowledge.allCategories")}</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}` as MessageKey)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-level`}>{t("wizard.level")}</label>
      <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value as LevelName)}>
        {levels.map((l) => (
          <option key={l} value={l}>
            {t(`level.${l}`)}
          </option>
        ))}
      </select>
      {failed && (
        <p role="alert" className="form-error">
          {t("knowledge.add.failed")}
        </p>
      )}
      <ul className="catalogue-hits" aria-live="polite">
        {hits.map((hit) => (
          <li key={hit.id}>
            <span>{hit.title}</span>{" "}
            <button type="button" onClick={() => void insert(hit)}>
              {t("knowledge.add.insert")}
              <span className="visually-hidden"> {hit.title}</span>
            </button>{" "}
            <button type="button" onClick={() => setRequirement(hit.id)(view.state, view.dispatch, view)}>
              {t("knowledge.add.link")}
              <span className="visually-hidden"> {hit.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
