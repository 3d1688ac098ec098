import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { currentItemKey, currentItemPlugin } from "../sessions/currentItemDecoration";
import { LiveSessionBar } from "../sessions/LiveSessionBar";
import type { LiveSession } from "../../../shared/moderatedSessions/sessions";
import { EditorState, type Command } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { yCursorPluginKey, ySyncPlugin, yUndoPlugin } from "y-prosemirror";
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
import { PasteNotice } from "./PasteNotice";
import { wordPastePlugin } from "./wordPaste";
import { PresenceBar } from "./PresenceBar";
import { ConnectionStatus } from "./ConnectionStatus";
import { keymap } from "prosemirror-keymap";
import { clauseAt } from "../../../shared/editor/commands";
import { threadsPlugin } from "../threads/threadDecorations";
import type { CoverageSetup } from "../knowledge/CoveragePanel";
import { GlossaryHint } from "../knowledge/GlossaryHint";
import { glossaryPlugin } from "../knowledge/glossaryDecorations";
import { placeholderPlugin } from "./placeholderView";
import type { GlossaryEntry } from "../../../shared/knowledge/localize";
import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";
import type { Policies } from "../../../shared/policy";
import { partyOf } from "../../../shared/roles";
import { agreementsPlugin } from "../agreements/agreementDecorations";
import { FrozenBanner } from "../agreements/FrozenBanner";
import { RoundBanner } from "../agreements/RoundBanner";
import { useAgreementSnapshot } from "../agreements/useAgreements";
import { useAgreementDecisions } from "../agreements/useAgreementDecisions";
import { goToClause } from "../workspace/goToClause";
import { useSidePanel } from "../workspace/useSidePanel";
import { SidePanelToggle, sidePanelBodyId } from "../workspace/SidePanel";
import { ShortcutHelp } from "../workspace/ShortcutHelp";
import { WorkspacePanel } from "../workspace/WorkspacePanel";
import { workspaceShortcuts } from "../workspace/workspaceShortcuts";
import { newId } from "../../../shared/ids";
import type { ProposalView } from "../../../shared/proposals/proposals";
import { isChangesMode, type ChangesMode } from "../../../shared/proposals/changesMode";
import { useFormatDateTime } from "../../i18n";
import { proposalDecorationsPlugin } from "../proposals/proposalDecorations";
import { asProposal, mustPropose, type ProposeRules } from "../proposals/proposeMode";
import { describeMove, describeProposal, ProposalHint } from "../proposals/ProposalHint";
import { useProposals } from "../proposals/useProposals";

export interface ScheduleEditorProps {
  negotiationId: string;
  user: { id: string; name: string; role: Role };
  /** What this member may do, as the server's policy answered when the page loaded (it reloads when rights or the agreement's state change). */
  policies: Policies;
  /** A clause to open at once, and a thread on it or an open proposal to focus (a notification's or a blocking item's link). */
  initialClause?: string | null;
  initialThread?: string | null;
  initialProposal?: string | null;
  /** The server closed the connection because this member's role changed: reload the page's data. */
  onRightsChanged: () => void;
  knowledge: { glossary: GlossaryEntry[]; coverage: CoverageSetup };
  agreement: AgreementSnapshot;
  /** The negotiation's way of working: in "proposals" a party member's edits become proposals. */
  changes: ChangesMode;
  /** An owner switched the way of working (pushed on the socket). */
  onChangesPushed: (mode: ChangesMode) => void;
  /** The socket (re)connected: what was pushed while away (the way of working) must be fetched. */
  onResynced: () => void;
  /** A session started or ended (pushed on the socket): what the page shows of it must be read again. */
  onSessionChanged: () => void;
}

export default function ScheduleEditor(props: ScheduleEditorProps) {
  const { negotiationId, user, policies, initialClause = null, initialThread = null, initialProposal = null, onRightsChanged, knowledge } = props;
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
  // Bumped when the server refused this device's edits: the session starts over from the server.
  const [generation, setGeneration] = useState(0);
  const [editsRefused, setEditsRefused] = useState<RefusedCode | null>(null);
  const [imagesLeftOut, setImagesLeftOut] = useState(0);
  const glossary = useMemo(() => new Map(knowledge.glossary.map((g) => [g.id, g])), [knowledge.glossary]);
  const glossaryTerms = useRef(knowledge.glossary);
  const [agreement, setAgreement] = useAgreementSnapshot(negotiationId, session, props.agreement);
  useAgreementDecisions(view, agreement);
  const party = partyOf(user.role);
  // A proposal outside any clause (in a section heading) is shown in the Proposals tab.
  const panel = useSidePanel(initialClause !== null ? "clause" : initialProposal !== null ? "proposals" : null);
  const formatTime = useFormatDateTime();
  const formatTimeRef = useRef(formatTime);
  formatTimeRef.current = formatTime;
  const settingsFeed = useRef({ pushed: props.onChangesPushed, resynced: props.onResynced, sessionChanged: props.onSessionChanged });
  settingsFeed.current = { pushed: props.onChangesPushed, resynced: props.onResynced, sessionChanged: props.onSessionChanged };
  // Proposal ids minted on this device: this member's, before the server's list says so.
  const minted = useRef(new Set<string>());
  const proposalsRef = useRef<ProposalView[]>([]);
  const rules = useRef<ProposeRules>({
    mode: props.changes,
    party,
    author: {
      isMine: (id) => minted.current.has(id) || proposalsRef.current.some((p) => p.id === id && p.author.id === user.id),
      newId: () => {
        const id = newId();
        minted.current.add(id);
        return id;
      },
    },
  });
  rules.current.mode = props.changes;
  rules.current.party = party;
  // An edit that must be a proposal but has none (formatting, structure) is dropped: say why.
  const [noProposalForm, setNoProposalForm] = useState(false);
  const proposals = useProposals(negotiationId, session, view);
  proposalsRef.current = proposals.proposals ?? [];
  // The editor's plugins are made once per session; they reach the current panel through this.
  const panelRef = useRef(panel);
  panelRef.current = panel;
  /** Shows a clause's tab and moves the keyboard to `target` in it (the composer, the Agree button…). */
  const openClause = useRef((editor: EditorView, clauseId: string | null, target: FocusTarget | null) => {
    if (clauseId) goToClause(editor, clauseId, { focus: false });
    panelRef.current.show("clause");
    if (target) focusInPanel(target);
  });
  // Following a session (decision 034): the clause, and its tab where the panel is a column; a
  // drawer opened for every item would cover the very text being discussed.
  const followTo = (editor: EditorView, clauseId: string) => {
    if (!panelRef.current.narrow) return openClause.current(editor, clauseId, null);
    goToClause(editor, clauseId, { focus: false });
  };
  // Each link once: a later link to the page (the activity's, while it is open) is followed too.
  const followedLink = useRef<string | null>(null);
  useEffect(() => {
    const link = JSON.stringify([initialClause, initialThread, initialProposal]);
    if (!view || (!initialClause && !initialProposal) || followedLink.current === link) return;
    followedLink.current = link;
    if (initialClause) openClause.current(view, initialClause, null);
    else panelRef.current.show("proposals");
  }, [view, initialClause, initialThread, initialProposal]);

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
            wordPastePlugin(setImagesLeftOut),
            glossaryPlugin(glossaryTerms.current),
            placeholderPlugin((label) => tRef.current("placeholder.accessibleName", { label })),
            agreementsPlugin(
              (status) => tRef.current(`agreement.status.${status}`),
              (status) => tRef.current("agreement.structure.badge", { status: tRef.current(`agreement.status.${status}`) }),
            ),
            proposalDecorationsPlugin(
              (record) => describeProposal(tRef.current, formatTimeRef.current, record),
              (place, record) => describeMove(tRef.current, place, record),
            ),
            currentItemPlugin(),
            threadsPlugin(
              (clauseId) => openClause.current(editor!, clauseId, "composer"),
              (count) => tRef.current("threads.marker", { count }),
            ),
            keymap({
              // From the text to the clause's comment composer, Agree button or knowledge.
              [workspaceShortcuts.comment]: (state) => {
                const found = clauseAt(state.selection.$from);
                if (found) openClause.current(editor!, null, "composer");
                return !!found;
              },
              [workspaceShortcuts.agree]: () => {
                openClause.current(editor!, null, "agreement");
                return true;
              },
              [workspaceShortcuts.knowledge]: () => {
                openClause.current(editor!, null, "knowledge");
                return true;
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
        dispatchTransaction(this: EditorView, incoming) {
          // y-prosemirror hands awareness changes over in a timeout and checks a binding flag it
          // never sets, so one can arrive after the view is destroyed (a reconnect replacing the
          // editor); a destroyed view throws on any update.
          if (this.isDestroyed) return;
          const tr = asProposal(this.state, incoming, rules.current);
          if (!tr) return setNoProposalForm(true);
          if (tr !== incoming) setNoProposalForm(false);
          this.updateState(this.state.apply(tr));
          // Someone else's cursor moved: the view redraws it, and nothing React shows depends on it
          // (a room of cursors would otherwise re-render the toolbar and the side panel many times a second).
          if (tr.getMeta(yCursorPluginKey) && !tr.docChanged && !tr.selectionSet) return;
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
    collab.onChanges(({ changes }) => {
      if (isChangesMode(changes)) settingsFeed.current.pushed(changes);
    });
    collab.onResync(() => settingsFeed.current.resynced());
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

  // The live session (decision 034), pushed by the server; its item's clause is highlighted for all.
  const [live, setLive] = useState<LiveSession | null>(null);
  useEffect(() => {
    if (!session) return;
    const stop = session.onLiveSession(setLive);
    return () => void stop();
  }, [session]);
  const liveId = live?.id ?? null;
  const seenLive = useRef(liveId);
  useEffect(() => {
    if (seenLive.current === liveId) return;
    seenLive.current = liveId;
    settingsFeed.current.sessionChanged();
  }, [liveId]);
  const currentClause = live?.item?.clauseId ?? null;
  useEffect(() => {
    view?.dispatch(view.state.tr.setMeta(currentItemKey, currentClause));
  }, [view, currentClause]);

  const { from, to } = view?.state.selection ?? { from: 0, to: 0 };
  const proposingHere = !!view && canEdit && mustPropose(view.state, view.state.doc, from, to, rules.current);

  return (
    <div className="schedule">
      <div className="schedule-status">
        {session && <PresenceBar session={session} me={user} />}
        {session && <ConnectionStatusFor session={session} />}
        {view && <SidePanelToggle panel={panel} />}
        <ShortcutHelp />
        {editsRefused && (
          <p className="form-error" role="alert">
            {t(refusedMessage[editsRefused])}
          </p>
        )}
        {agreement.frozenAt && <FrozenBanner negotiationId={negotiationId} frozenAt={agreement.frozenAt} canOpen={policies.openRound} asReview={!party} />}
        {canEdit && <PasteNotice imagesLeftOut={imagesLeftOut} />}
        {canEdit && party && (props.changes === "proposals" || proposingHere) && (
          <p className="proposing-note" role="note">
            {t(props.changes === "proposals" ? "editor.proposing" : "editor.proposingAgreed")}
          </p>
        )}
        <p className="proposal-refused" aria-live="polite">
          {noProposalForm && proposingHere ? t("editor.noProposalForm") : ""}
        </p>
        {session && view && live && (
          <LiveSessionBar negotiationId={negotiationId} session={session} live={live} me={user} showClause={(clauseId) => followTo(view, clauseId)} />
        )}
        {agreement.openRound && <RoundBanner negotiationId={negotiationId} round={agreement.round} openRound={agreement.openRound} />}
        {!canEdit && !agreement.frozenAt && (
          <p className="read-only-badge" role="note">
            <strong>{t("editor.readOnly")}</strong> — {t("editor.readOnlyExplain")}
          </p>
        )}
      </div>
      <div className="workspace" data-panel={panel.narrow ? "drawer" : panel.visible ? "column" : "collapsed"}>
        <div className="schedule-editor-column">
          {canEdit && view && <Toolbar view={view} proposing={proposingHere} />}
          {!view && <p className="editor-loading">{t("editor.loading")}</p>}
          <div ref={mount} className="schedule-mount" hidden={!view} />
          {view && <GlossaryHint view={view} glossary={glossary} />}
          {view && <ProposalHint view={view} />}
        </div>
        {session && view && (
          <WorkspacePanel
            negotiationId={negotiationId}
            session={session}
            view={view}
            panel={panel}
            me={user}
            policies={policies}
            agreement={agreement}
            onAgreement={setAgreement}
            knowledge={{ glossary, coverage: knowledge.coverage }}
            onOpenClause={(clauseId) => openClause.current(view, clauseId, null)}
            focusThreadId={initialThread}
            focusProposalId={initialProposal}
            proposals={proposals}
          />
        )}
      </div>
    </div>
  );
}

type FocusTarget = "composer" | "agreement" | "knowledge";
const focusTargets: Record<FocusTarget, string[]> = {
  composer: [".new-thread textarea", ".thread-panel h2"],
  agreement: [".agreement-actions button:not(:disabled)", ".clause-agreement h2"],
  knowledge: [".knowledge-sidebar h2"],
};

/** After the panel has rendered the tab: the first target that exists, else the panel itself. */
function focusInPanel(target: FocusTarget) {
  requestAnimationFrame(() => {
    const body = document.getElementById(sidePanelBodyId);
    if (!body) return;
    const element = focusTargets[target].map((selector) => body.querySelector<HTMLElement>(selector)).find(Boolean) ?? body;
    if (!element.matches("button, textarea, input, select, a[href]")) element.tabIndex = -1;
    element.focus();
  });
}

function ConnectionStatusFor({ session }: { session: CollaborationSession }) {
  const state = useSyncExternalStore<ConnectionState>(
    (onChange) => session.subscribe(onChange),
    () => cachedState(session),
    () => ({ kind: "connecting" }),
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
