import { useState } from "react";
import type { EditorView } from "prosemirror-view";
import { progressOf } from "../../../shared/agreements/clauseStatus";
import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";
import { clauseAt } from "../../../shared/editor/commands";
import type { GlossaryEntry } from "../../../shared/knowledge/localize";
import type { Policies } from "../../../shared/policy";
import { partyOf, type Role } from "../../../shared/roles";
import { useT } from "../../i18n";
import { AgreementProgress } from "../agreements/AgreementProgress";
import { AgreementSidebar } from "../agreements/AgreementSidebar";
import { marginState } from "../agreements/agreementDecorations";
import type { CollaborationSession } from "../editor/collaborationSession";
import { CoveragePanel, type CoverageSetup } from "../knowledge/CoveragePanel";
import { KnowledgeSidebar } from "../knowledge/KnowledgeSidebar";
import { ThreadsSidebar } from "../threads/ThreadsSidebar";
import { useThreadMarkers } from "../threads/useThreadMarkers";
import { useThreads } from "../threads/useThreads";
import { useMembers } from "../threads/useMembers";
import { ActivityPanel } from "../activity/ActivityPanel";
import { SidePanel, type PanelTab } from "./SidePanel";
import { openProposals, ProposalList, type ProposalDiscussion } from "../proposals/ProposalList";
import type { useProposals } from "../proposals/useProposals";
import type { ProposalView } from "../../../shared/proposals/proposals";
import type { ThreadView } from "../../../shared/threads";
import type { SidePanelControl } from "./useSidePanel";
import { useFocusTarget } from "./useFocusTarget";

interface Props {
  negotiationId: string;
  session: CollaborationSession;
  view: EditorView;
  panel: SidePanelControl;
  me: { id: string; name: string; role: Role };
  policies: Policies;
  agreement: AgreementSnapshot;
  onAgreement: (snapshot: AgreementSnapshot) => void;
  knowledge: { glossary: Map<string, GlossaryEntry>; coverage: CoverageSetup };
  /** Moves the cursor to a clause and shows its tab. */
  onOpenClause: (clauseId: string) => void;
  /** What a link asked to focus: a thread, or an open proposal. */
  focusThreadId: string | null;
  focusProposalId: string | null;
  proposals: ReturnType<typeof useProposals>;
}

/** The side panel's tabs: the clause at the cursor, every thread, the open proposals, agreement progress, coverage, activity. */
export function WorkspacePanel(props: Props) {
  const { negotiationId, session, view, panel, me, policies, agreement, knowledge, onOpenClause } = props;
  const t = useT();
  const { threads, send, error } = useThreads(negotiationId, session);
  const members = useMembers(negotiationId);
  useThreadMarkers(view, threads);
  const party = partyOf(me.role);
  const found = clauseAt(view.state.selection.$from);
  const cursorClause = found ? (view.state.doc.nodeAt(found.pos)!.attrs.id as string) : null;
  const { states, structure } = marginState(view.state);
  const progress = progressOf([...states, structure.state]);
  const openThreads = threads.filter((th) => !th.resolved).length;
  const open = openProposals(view, props.proposals.proposals);
  const [focusThread, setFocusThread, threadFocused] = useFocusTarget(props.focusThreadId);
  const [focusProposal, , proposalFocused] = useFocusTarget(props.focusProposalId);
  // A proposal whose first thread is being written, and what the last "accept all" came to, where.
  const [draft, setDraft] = useState<ProposalView | null>(null);
  const [notice, setNotice] = useState<{ clauseId: string | null; text: string } | null>(null);
  const discussion: ProposalDiscussion = {
    comments: (proposalId) => proposalThreads(threads, proposalId).reduce((n, th) => n + th.comments.filter((c) => c.body !== null).length, 0),
    canStart: policies.comment,
    // On the proposal's clause, where its thread lives with the clause's others.
    onDiscuss: (proposal) => {
      if (!proposal.clauseId) return;
      onOpenClause(proposal.clauseId);
      const [thread] = proposalThreads(threads, proposal.id);
      setDraft(thread ? null : proposal);
      if (thread) setFocusThread(thread.id);
    },
  };
  const proposalListProps = (clauseId: string | null) => ({
    clauseId,
    discussion,
    focusProposalId: focusProposal,
    onFocused: proposalFocused,
    notice: notice?.clauseId === clauseId ? notice.text : null,
    onNotice: (text: string | null) => setNotice(text === null ? null : { clauseId, text }),
  });
  const proposalDraft = draft && {
    proposal: draft,
    onCancel: () => setDraft(null),
    onStarted: (thread: ThreadView) => {
      setDraft(null);
      setFocusThread(thread.id);
    },
  };
  const proposalProps = {
    negotiationId,
    view,
    proposals: props.proposals.proposals,
    failed: props.proposals.failed,
    me,
    onChanged: props.proposals.reload,
    onOpenClause,
  };
  const threadProps = {
    view,
    threads,
    send,
    error,
    me,
    members,
    policies,
    onShowAll: () => panel.show("threads"),
    onOpenClause,
    focusThreadId: focusThread,
    onFocused: threadFocused,
    proposalDraft,
  };

  const tabs: PanelTab[] = [
    {
      id: "clause",
      label: t("panel.tab.clause"),
      content: () => (
        <>
          <AgreementSidebar
            negotiationId={negotiationId}
            view={view}
            snapshot={agreement}
            onSnapshot={props.onAgreement}
            agreeingParty={policies.agree ? party : null}
          />
          {/* Only when there are some: the comment box stays in sight on a phone. */}
          {cursorClause && (open.some((p) => p.clauseId === cursorClause) || notice?.clauseId === cursorClause) && (
            <ProposalList {...proposalProps} {...proposalListProps(cursorClause)} />
          )}
          {cursorClause && <ThreadsSidebar {...threadProps} clauseId={cursorClause} />}
          <KnowledgeSidebar view={view} role={me.role} canEdit={policies.edit} glossary={knowledge.glossary} defaultLevel={knowledge.coverage.level} />
        </>
      ),
    },
    {
      id: "threads",
      label: t("panel.tab.threads"),
      badge: openThreads > 0 ? String(openThreads) : undefined,
      content: () => <ThreadsSidebar {...threadProps} clauseId={null} />,
    },
    {
      id: "proposals",
      label: t("panel.tab.proposals"),
      badge: open.length > 0 ? String(open.length) : undefined,
      content: () => <ProposalList {...proposalProps} {...proposalListProps(null)} />,
    },
    {
      id: "progress",
      label: t("panel.tab.progress"),
      badge: `${progress.agreed}/${progress.total}`,
      content: () => <AgreementProgress view={view} states={states} structure={structure.state} party={party} onOpen={onOpenClause} />,
    },
    {
      id: "coverage",
      label: t("panel.tab.coverage"),
      content: () => <CoveragePanel view={view} setup={knowledge.coverage} canEdit={policies.edit} />,
    },
    {
      id: "activity",
      label: t("panel.tab.activity"),
      content: () => <ActivityPanel negotiationId={negotiationId} session={session} />,
    },
  ];
  return <SidePanel tabs={tabs} panel={panel} onLeave={() => view.focus()} />;
}

/** The threads on a proposal this member may read, the shared one first. */
function proposalThreads(threads: ThreadView[], proposalId: string): ThreadView[] {
  return threads.filter((th) => th.proposal?.id === proposalId).sort((a, b) => Number(a.visibility !== "shared") - Number(b.visibility !== "shared"));
}
