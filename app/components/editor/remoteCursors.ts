import * as Y from "yjs";
import { Plugin, type EditorState, type PluginSpec } from "prosemirror-state";
import type { Awareness } from "y-protocols/awareness";
import { relativePositionToAbsolutePosition, yCursorPlugin, ySyncPluginKey } from "y-prosemirror";
import type { PresenceUser } from "../../../shared/collaboration/presence";

/**
 * y-prosemirror's cursor plugin, except that a remote state it could not place is skipped. The
 * plugin places every remote cursor inside the transaction that applies a remote edit; a throw
 * there (from a position that names nothing, or a `user` that is not an object) would cancel that
 * edit's transaction in this view, and the next keystroke would write the stale view back over
 * the other party's text. The server drops such cursors too; this holds even if one gets through.
 */
export function remoteCursorsPlugin(awareness: Awareness, cursorBuilder: (user: PresenceUser) => HTMLElement): Plugin {
  // y-prosemirror asks its filter about each remote state while it decorates one editor state,
  // without passing that state; it is recorded here just before.
  let decorating: EditorState | null = null;
  const cursors: Plugin = yCursorPlugin(awareness, {
    cursorBuilder,
    selectionBuilder,
    awarenessStateFilter: (ownId: number, clientId: number, state: unknown) => ownId !== clientId && decorating !== null && placeable(decorating, state),
  });
  const spec = cursors.spec as PluginSpec<unknown>;
  const { init, apply } = spec.state!;
  return new Plugin({
    ...spec,
    state: {
      init(config, state) {
        decorating = state;
        return init.call(this, config, state);
      },
      apply(tr, value, oldState, newState) {
        decorating = newState;
        return apply.call(this, tr, value, oldState, newState);
      },
    },
  });
}

/**
 * Another member's selection: a light tint of their colour with a line under it. y-prosemirror's
 * default tint (44 %) darkens the text behind it below a readable contrast, proposals' coloured
 * text most of all.
 */
function selectionBuilder(user: { color?: unknown }) {
  const color = typeof user.color === "string" && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : "#5b6b82";
  return { style: `background-color: ${color}1f; box-shadow: inset 0 -2px 0 ${color}`, class: "ProseMirror-yjs-selection" };
}

/** Whether y-prosemirror can decorate this remote state: it places the cursor the same way here. */
function placeable(state: EditorState, remote: unknown): boolean {
  if (typeof remote !== "object" || remote === null) return false;
  const { cursor, user } = remote as { cursor?: { anchor?: unknown; head?: unknown } | null; user?: unknown };
  if (cursor == null) return true; // present without a cursor: nothing to place
  if (user != null && typeof user !== "object") return false; // y-prosemirror assigns defaults onto it
  const sync = ySyncPluginKey.getState(state) as { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } };
  try {
    for (const position of [cursor.anchor, cursor.head]) {
      relativePositionToAbsolutePosition(sync.doc, sync.type, Y.createRelativePositionFromJSON(position), sync.binding.mapping as never);
    }
    return true;
  } catch {
    return false;
  }
}
