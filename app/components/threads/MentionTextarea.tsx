import { useId, useRef, useState, type KeyboardEvent } from "react";
import { mentionToken } from "../../../shared/mentions";
import { useT } from "../../i18n";
import { matchingCandidates, mentionQueryAt, type MentionCandidate } from "./mentionQuery";

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The members who may see the thread: only they can be mentioned. */
  candidates: MentionCandidate[];
  describedBy: string;
  invalid: boolean;
}

/**
 * A comment textarea that offers members when "@" is typed: a combobox whose listbox
 * follows the caret's "@query". Arrow keys move, Enter or Tab picks (a `@[Name](user:ID)` token,
 * so the server knows exactly whom), Escape closes without touching the text.
 */
export function MentionTextarea({ id, value, onChange, candidates, describedBy, invalid }: Props) {
  const t = useT();
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const options = query ? matchingCandidates(candidates, query.query) : [];
  const open = query !== null && options.length > 0 && dismissedAt !== query.start;

  const follow = (text: string, caret: number) => {
    const found = mentionQueryAt(text, caret);
    setQuery(found);
    // Escape holds until this "@" is gone: a new one offers members again.
    if (!found) setDismissedAt(null);
    if (found?.start !== query?.start || found?.query !== query?.query) setActive(0);
  };

  const pick = (candidate: MentionCandidate) => {
    if (!query) return;
    const token = `${mentionToken(candidate.name, candidate.userId)} `;
    const caret = query.start + 1 + query.query.length;
    const next = value.slice(0, query.start) + token + value.slice(caret);
    onChange(next);
    setQuery(null);
    requestAnimationFrame(() => {
      const at = query.start + token.length;
      area.current?.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(options[active] ?? options[0]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(query!.start);
    }
  };

  return (
    // The ARIA 1.1 combobox shape: a textarea may not take the combobox role itself.
    <div
      className="mention-box"
      role="combobox"
      aria-label={t("mentions.suggestions")}
      aria-haspopup="listbox"
      aria-expanded={open}
      aria-controls={listId}
      aria-owns={listId}
    >
      <textarea
        ref={area}
        id={id}
        value={value}
        rows={3}
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          onChange(e.target.value);
          follow(e.target.value, e.target.selectionStart);
        }}
        onSelect={(e) => follow(e.currentTarget.value, e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      <ul id={listId} role="listbox" aria-label={t("mentions.suggestions")} className="mention-options" hidden={!open}>
        {open &&
          options.map((c, i) => (
            <li
              key={c.userId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // Before the textarea's blur, so the click still picks.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
            >
              {c.name}
            </li>
          ))}
      </ul>
    </div>
  );
}
