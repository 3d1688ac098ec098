import { useEffect, useId, useState } from "react";
import type { EditorView } from "prosemirror-view";
import { insertClauseNode, setRequirement } from "../../../shared/editor/commands";
import { clauseNode } from "../../../shared/editor/scheduleTemplate";
import { levels, type LevelName } from "../../../shared/templates/wizardAnswers";
import { useT } from "../../i18n";
import type { RequirementView } from "../../utils/knowledge.server";

type Hit = { id: string; title: string; kind: string };

/** Search the catalogue, then insert a clause at a level after the cursor's clause, or link it. */
export function AddFromCatalogue({ view, linked }: { view: EditorView; linked: string | null }) {
  const t = useT();
  const id = useId();
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [level, setLevel] = useState<LevelName>("standard");
  useEffect(() => {
    if (q.trim().length < 2) return setHits([]);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/knowledge?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((res) => (res.ok ? (res.json() as Promise<Hit[]>) : []))
        .then(setHits)
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const insert = async (hit: Hit) => {
    const res = await fetch(`/api/knowledge/${encodeURIComponent(hit.id)}`);
    if (!res.ok) return;
    const entry = (await res.json()) as RequirementView;
    const text = entry.levels.find((l) => l.level === level)?.clause ?? entry.summary;
    insertClauseNode(clauseNode({ heading: entry.title, requirement: entry.id, body: [text] }))(view.state, view.dispatch, view);
    view.focus();
  };

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
      <label htmlFor={`${id}-level`}>{t("wizard.level")}</label>
      <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value as LevelName)}>
        {levels.map((l) => (
          <option key={l} value={l}>
            {t(`level.${l}`)}
          </option>
        ))}
      </select>
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
