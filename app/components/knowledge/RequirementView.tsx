import { useId, useState } from "react";
import { Link } from "@remix-run/react";
import type { RequirementView as View } from "../../../shared/knowledge/localize";
import { useT, type MessageKey } from "../../i18n";
import { Markdown } from "../Markdown";
import { fieldsAsText } from "../../../shared/editor/scheduleTemplate";

const tabs = ["buyer", "supplier", "law", "verify", "sample"] as const;
type Tab = (typeof tabs)[number];

/**
 * One requirement explained, in tabs. Both parties read the same content; the reader's own side's
 * view opens first, so each starts from what matters to them.
 */
export function RequirementView({ entry, firstTab = "buyer", headingLevel = 2 }: { entry: View; firstTab?: Tab; headingLevel?: 2 | 3 }) {
  const t = useT();
  const id = useId();
  const [tab, setTab] = useState<Tab>(firstTab);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  // The tab's own parts sit one level under the title, wherever the view is placed.
  const SubHeading = headingLevel === 2 ? "h3" : "h4";
  const order = [firstTab, ...tabs.filter((x) => x !== firstTab)];
  return (
    <div className="requirement-view">
      <Heading>{entry.title}</Heading>
      <p className="lead">{entry.summary}</p>
      <div role="tablist" aria-label={t("knowledge.views")} className="tabs-row">
        {order.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`${id}-${x}`}
            aria-selected={tab === x}
            aria-controls={`${id}-${x}-panel`}
            tabIndex={tab === x ? 0 : -1}
            onClick={() => setTab(x)}
            onKeyDown={(e) => {
              const i = order.indexOf(x);
              const next = e.key === "ArrowRight" ? order[(i + 1) % order.length] : e.key === "ArrowLeft" ? order[(i + order.length - 1) % order.length] : null;
              if (next) {
                setTab(next);
                document.getElementById(`${id}-${next}`)?.focus();
              }
            }}
          >
            {t(`knowledge.tab.${x}` as MessageKey)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}`} tabIndex={0} className="tab-panel">
        {tab === "buyer" && (
          <>
            <Markdown text={entry.buyer} />
            <SubHeading>{t("knowledge.questions")}</SubHeading>
            <ul>
              {entry.questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          </>
        )}
        {tab === "supplier" && (
          <>
            <Markdown text={entry.supplier} />
            <SubHeading>{t("knowledge.pitfalls")}</SubHeading>
            <ul>
              {entry.pitfalls.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        )}
        {tab === "law" && (
          <ul>
            {entry.references.map((r) => (
              <li key={r}>{r}</li>
            ))}
            {entry.references.length === 0 && <li>{t("knowledge.noReferences")}</li>}
          </ul>
        )}
        {tab === "verify" && <Markdown text={entry.verify} />}
        {tab === "sample" &&
          (entry.levels.length ? (
            <dl>
              {entry.levels.map((l) => (
                <div key={l.level}>
                  <dt>
                    {t(`level.${l.level}`)}: {l.value}
                  </dt>
                  <dd>{fieldsAsText(l.clause, entry.fields)}</dd>
                  {l.below.map((b) => (
                    <dd key={b.element} className="below-floor">
                      {t("knowledge.belowFloor", { ref: b.ref, lacks: b.lacks })}
                    </dd>
                  ))}
                </div>
              ))}
            </dl>
          ) : (
            <p>{t("knowledge.noLevels")}</p>
          ))}
      </div>
      {entry.related.length > 0 && (
        <p className="related">
          {t("knowledge.related")}{" "}
          {entry.related.map((r, i) => (
            <span key={r.id}>
              {i > 0 && ", "}
              <Link to={`/knowledge/${r.id}`}>{r.title}</Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
