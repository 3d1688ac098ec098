import { useEffect, useId, useRef, useState } from "react";
import { maxTimeBoxMinutes, maxTopicLength, type SessionView } from "../../../shared/moderatedSessions/sessions";
import { newId } from "../../../shared/ids";
import { useT } from "../../i18n";
import type { RunCommand } from "./useSessionCommand";

interface Draft {
  /** Stable across moves, for React and for focus; an existing item's id. */
  key: string;
  id?: string;
  kind: "clause" | "topic";
  clauseId?: string;
  title: string;
  timeBoxMinutes: number | null;
  recorded: boolean;
}

interface Props {
  session: SessionView;
  clauses: { id: string; title: string }[];
  run: RunCommand;
  busy: boolean;
}

/**
 * The moderator's agenda: reorder with buttons (focus stays on the button that moved the item, so
 * a keyboard user can keep moving it), remove, time-box, add any clause or a free topic, then save.
 */
export function AgendaEditor({ session, clauses, run, busy }: Props) {
  const t = useT();
  const uid = useId();
  const [items, setItems] = useState<Draft[]>(() =>
    session.agenda.map((i) => ({
      key: i.id,
      id: i.id,
      kind: i.kind,
      clauseId: i.clauseId ?? undefined,
      title: i.title,
      timeBoxMinutes: i.timeBoxMinutes,
      recorded: i.outcome !== null,
    })),
  );
  const [dirty, setDirty] = useState(false);
  // The button to focus once the moved item is rendered at its new place.
  const focusNext = useRef<string | null>(null);
  const [clauseChoice, setClauseChoice] = useState("");
  const [topic, setTopic] = useState("");
  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const change = (next: Draft[]) => {
    setItems(next);
    setDirty(true);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    change(next);
    const edge = index + by === 0 || index + by === items.length - 1;
    // At the top (or bottom) its button is disabled: the other one keeps the focus.
    focusNext.current = `${uid}-${item!.key}-${edge ? (by < 0 ? "down" : "up") : by < 0 ? "up" : "down"}`;
  };
  const save = async () => {
    const agenda = items.map((i) =>
      i.kind === "clause"
        ? { ...(i.id && { id: i.id }), kind: "clause", clauseId: i.clauseId, timeBoxMinutes: i.timeBoxMinutes }
        : { ...(i.id && { id: i.id }), kind: "topic", title: i.title, timeBoxMinutes: i.timeBoxMinutes },
    );
    // Saved, the page's data comes back and the editor starts again from it.
    if (await run({ action: "agenda", agenda })) setDirty(false);
  };

  return (
    <div className="agenda-editor">
      <h3>{t("sessions.agenda.edit")}</h3>
      <ol>
        {items.map((item, index) => (
          <li key={item.key}>
            <span className="agenda-editor-title">{item.title}</span>
            <span className="agenda-editor-controls">
              <label>
                <span className="visually-hidden">{t("sessions.agenda.timeBoxLabel", { title: item.title })}</span>
                <input
                  type="number"
                  min={1}
                  max={maxTimeBoxMinutes}
                  inputMode="numeric"
                  value={item.timeBoxMinutes ?? ""}
                  onChange={(e) =>
                    change(items.map((i) => (i.key === item.key ? { ...i, timeBoxMinutes: e.target.value ? Number(e.target.value) : null } : i)))
                  }
                />{" "}
                <span aria-hidden="true">min</span>
              </label>
              <button
                type="button"
                id={`${uid}-${item.key}-up`}
                className="small-button"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={t("sessions.agenda.up", { title: item.title })}
              >
                ↑
              </button>
              <button
                type="button"
                id={`${uid}-${item.key}-down`}
                className="small-button"
                disabled={index === items.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t("sessions.agenda.down", { title: item.title })}
              >
                ↓
              </button>
              <button
                type="button"
                className="small-button"
                disabled={item.recorded}
                onClick={() => change(items.filter((i) => i.key !== item.key))}
                aria-label={t("sessions.agenda.remove", { title: item.title })}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="agenda-add">
        <label htmlFor={`${uid}-clause`}>{t("sessions.agenda.addClause")}</label>
        <select id={`${uid}-clause`} value={clauseChoice} onChange={(e) => setClauseChoice(e.target.value)}>
          <option value="">{t("sessions.agenda.chooseClause")}</option>
          {clauses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!clauseChoice}
          onClick={() => {
            const clause = clauses.find((c) => c.id === clauseChoice);
            if (clause) change([...items, { key: newId(), kind: "clause", clauseId: clause.id, title: clause.title, timeBoxMinutes: null, recorded: false }]);
            setClauseChoice("");
          }}
        >
          {t("sessions.agenda.addClauseButton")}
        </button>
      </div>
      <div className="agenda-add">
        <label htmlFor={`${uid}-topic`}>{t("sessions.agenda.addTopic")}</label>
        <input id={`${uid}-topic`} value={topic} maxLength={maxTopicLength} onChange={(e) => setTopic(e.target.value)} />
        <button
          type="button"
          disabled={!topic.trim()}
          onClick={() => {
            change([...items, { key: newId(), kind: "topic", title: topic.trim(), timeBoxMinutes: null, recorded: false }]);
            setTopic("");
          }}
        >
          {t("sessions.agenda.addTopicButton")}
        </button>
      </div>
      <p>
        <button type="button" className="primary" disabled={busy || !dirty} onClick={() => void save()}>
          {t("sessions.agenda.save")}
        </button>{" "}
        <span role="status">{dirty ? t("sessions.agenda.unsaved") : ""}</span>
      </p>
    </div>
  );
}
