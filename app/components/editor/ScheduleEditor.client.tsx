import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { EditorState, type Command } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { ySyncPlugin, yUndoPlugin } from "y-prosemirror";
import { scheduleFragmentName, scheduleSchema } from "../../../shared/editor/schema";
import { uniqueIdsPlugin } from "../../../shared/editor/uniqueIds";
import type { PresenceUser } from "../../../shared/collaboration/presence";
import type { Role } from "../../../shared/roles";
import { useT } from "../../i18n";
import { CollaborationSession, type ConnectionState, type RefusedCode } from "./collaborationSession";
import { CloseCode } from "../../../shared/collaboration/closeCodes";
import type { MessageKey } from "../../i18n";
import { cursorLabel } from "./cursorLabel";
import { remoteCursorsPlugin } from "./remoteCursors";
import { editorKeymaps } from "./editorKeymap";
import { confirmDeleteClause, promptLink } from "./dialogs";
import { Toolbar } from "./Toolbar";
import { PresenceBar } from "./PresenceBar";
import { ConnectionStatus } from "./ConnectionStatus";
import { keymap } from "prosemirror-keymap";
import { clauseAt } from "../../../shared/editor/commands";
import { threadsPlugin } from "../threads/threadDecorations";
import { ThreadsSidebar } from "../threads/ThreadsSidebar";
import { KnowledgeSidebar } from "../knowledge/KnowledgeSidebar";
import { CoveragePanel, type CoverageSetup } from "../knowledge/CoveragePanel";
import { ActivityPanel } from "../activity/ActivityPanel";
import { GlossaryHint } from "../knowledge/GlossaryHint";
import { glossaryPlugin } from "../knowledge/glossaryDecorations";
import type { GlossaryEntry } from "../../../shared/knowledge/localize";
import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";
import type { Policies } from "../../../shared/policy";
import { partyOf } from "../../../shared/roles";
import { agreementsPlugin } from "../agreements/agreementDecorations";
import { AgreementSidebar } from "../agreements/AgreementSidebar";
import { FrozenBanner } from "../agreements/FrozenBanner";
import { useAgreementSnapshot } from "../agreements/useAgreements";

export interface ScheduleEditorProps {
  negotiationId: string;
  user: { id: string; name: string; role: Role };
  /** What this member may do, as the server's policy answered when the page loaded (it reloads when rights or the agreement's state change). */
  policies: Policies;
  /** A clause whose threads open at once (from a notification's link). */
  initialClause?: string | null;
  /** The server closed the connection because this member's role changed: reload the page's data. */
  onRightsChanged: () => void;
  knowledge: { glossary: GlossaryEntry[]; coverage: CoverageSetup };
  agreement: AgreementSnapshot;
}

export default function ScheduleEditor(props: ScheduleEditorProps) {
  const { negotiationId, user, policies, initialClause = null, onRightsChanged, knowledge } = props;
  const canEdit = policies.edit;
  const t = useT();
  const mount = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<CollaborationSession | null>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const [, setRevision] = useState(0);
  const tRef = useRef(t);
  tRef.current = t;
  const rightsChanged = useRef(onRightsChanged);
  rightsChanged.current = onRightsChanged;
  const [selectedClause, setSelectedClause] = useState<string | null>(initialClause);
  // Bumped when the server refused this device's edits: the session starts over from the server.
  const [generation, setGeneration] = useState(0);
  const [editsRefused, setEditsRefused] = useState<RefusedCode | null>(null);
  const openThreads = useRef((clauseId: string) => setSelectedClause(clauseId));
  const glossary = useMemo(() => new Map(knowledge.glossary.map((g) => [g.id, g])), [knowledge.glossary]);
  const glossaryTerms = useRef(knowledge.glossary);
  const [agreement, setAgreement] = useAgreementSnapshot(negotiationId, session, props.agreement);
  const party = partyOf(user.role);

  useEffect(() => {
    const collab = new CollaborationSession(negotiationId, user.id);
    const fragment = collab.doc.getXmlFragment(scheduleFragmentName);
    let editor: EditorView | null = null;
    const link: Command = (state, dispatch, v) => promptLink(state, dispatch, v, tRef.current);
    const deleteClause: Command = (state, dispatch) => confirmDeleteClause(state, dispatch, tRef.current);
    const createView = () => {
      editor = new EditorView(mount.current!, {
        state: EditorState.create({
          schema: scheduleSchema,
          plugins: [
            ySyncPlugin(fragment),
            remoteCursorsPlugin(collab.provider.awareness, cursorLabel),
            yUndoPlugin(),
            uniqueIdsPlugin(),
            glossaryPlugin(glossaryTerms.current),
            agreementsPlugin(
              (status) => tRef.current(`agreement.status.${status}`),
              (status) => tRef.current("agreement.structure.badge", { status: tRef.current(`agreement.status.${status}`) }),
            ),
            threadsPlugin(
              (clauseId) => openThreads.current(clauseId),
              (count) => tRef.current("threads.marker", { count }),
            ),
            keymap({
              // Opens the threads of the clause holding the cursor, from the keyboard.
              "Mod-Alt-m": (state) => {
                const found = clauseAt(state.selection.$from);
                if (found) openThreads.current(state.doc.nodeAt(found.pos)!.attrs.id);
                return !!found;
              },
            }),
            ...editorKeymaps({ link, deleteClause }),
          ],
        }),
        editable: () => canEdit,
        attributes: {
          class: "schedule-editor",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": tRef.current("editor.label"),
          ...(canEdit ? {} : { "aria-readonly": "true" }),
        },
        // `this`, not `editor`: plugins dispatch while the view is still being constructed.
        dispatchTransaction(this: EditorView, tr) {
          this.updateState(this.state.apply(tr));
          setRevision((r) => r + 1); // the toolbar reflects the selection's marks and what is possible
        },
      });
      setView(editor);
    };
    // Bound to an empty fragment, y-prosemirror would fill it with an empty section (the schema
    // needs one) and sync that to everyone. So the view waits for content from this device's
    // copy or from the server.
    const whenContent = () => {
      if (editor || fragment.length === 0) return;
      collab.doc.off("update", whenContent);
      createView();
    };
    collab.doc.on("update", whenContent);
    whenContent();
    collab.onRightsChanged(() => rightsChanged.current());
    collab.onEditsRefused((code) => {
      setEditsRefused(code);
      setGeneration((g) => g + 1);
      rightsChanged.current();
    });
    setSession(collab);
    return () => {
      collab.doc.off("update", whenContent);
      editor?.destroy();
      collab.destroy();
      setView(null);
      setSession(null);
    };
  }, [negotiationId, user.id, canEdit, generation]);

  return (
    <div className="schedule">
      <div className="schedule-status">
        {session && <PresenceBar session={session} me={user} />}
        {session && <ConnectionStatusFor session={session} />}
        {editsRefused && (
          <p className="form-error" role="alert">
            {t(refusedMessage[editsRefused])}
          </p>
        )}
        {agreement.frozenAt && <FrozenBanner negotiationId={negotiationId} frozenAt={agreement.frozenAt} canOpen={policies.openRound} asReview={!party} />}
        {!canEdit && !agreement.frozenAt && (
          <p className="read-only-badge" role="note">
            <strong>{t("editor.readOnly")}</strong> — {t("editor.readOnlyExplain")}
          </p>
        )}
      </div>
      <div className="schedule-columns">
        <div className="schedule-editor-column">
          {canEdit && view && <Toolbar view={view} />}
          {!view && <p className="editor-loading">{t("editor.loading")}</p>}
          <div ref={mount} className="schedule-mount" hidden={!view} />
          {view && <GlossaryHint view={view} glossary={glossary} />}
        </div>
        {session && view && (
          <div className="schedule-side-column">
            <AgreementSidebar
              negotiationId={negotiationId}
              view={view}
              snapshot={agreement}
              onSnapshot={setAgreement}
              party={party}
              agreeingParty={policies.agree ? party : null}
            />
            <KnowledgeSidebar view={view} role={user.role} canEdit={canEdit} glossary={glossary} defaultLevel={knowledge.coverage.level} />
            <ThreadsSidebar
              negotiationId={negotiationId}
              session={session}
              view={view}
              me={user}
              policies={policies}
              selectedClauseId={selectedClause}
              onSelectClause={setSelectedClause}
            />
            <CoveragePanel view={view} setup={knowledge.coverage} canEdit={canEdit} />
            <ActivityPanel negotiationId={negotiationId} session={session} />
          </div>
        )}
      </div>
    </div>
  );
}

function ConnectionStatusFor({ session }: { session: CollaborationSession }) {
  const state = useSyncExternalStore<ConnectionState>(
    (onChange) => session.subscribe(onChange),
    () => cachedState(session),
    () => ({ kind: "connecting", everConnected: false, unsynced: 0 }),
  );
  return <ConnectionStatus state={state} />;
}

// useSyncExternalStore needs a stable snapshot between changes.
/** What to tell someone whose unsent edits the server did not keep, by close code. */
const refusedMessage: Record<RefusedCode, MessageKey> = {
  [CloseCode.editsRefused]: "editor.editsRefused",
  [CloseCode.updateRefused]: "editor.updateRefused",
  [CloseCode.documentTooLarge]: "editor.documentTooLarge",
};

const snapshots = new WeakMap<CollaborationSession, { key: string; state: ConnectionState }>();
function cachedState(session: CollaborationSession): ConnectionState {
  const state = session.state();
  const key = JSON.stringify(state);
  const cached = snapshots.get(session);
  if (cached?.key === key) return cached.state;
  snapshots.set(session, { key, state });
  return state;
}

export type { PresenceUser };
