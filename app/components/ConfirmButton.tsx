import { useId, useRef } from "react";

/**
 * A button whose action needs a second, deliberate step: it opens a modal <dialog> that says what
 * will happen. The native dialog keeps this keyboard-usable without code of our own: focus moves
 * into it, Tab stays inside, Escape cancels, and focus returns to the button when it closes.
 */
export function ConfirmButton({
  label,
  title,
  text,
  confirm,
  cancel,
  busy,
  onConfirm,
}: {
  label: string;
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  return (
    <>
      <button
        type="button"
        disabled={busy}
        aria-haspopup="dialog"
        onClick={() => {
          dialog.current?.showModal();
          // The safe choice has focus, so Enter on a reflex does not act (React's autoFocus only runs on mount).
          cancelButton.current?.focus();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`}>{text}</p>
        <div className="confirm-actions">
          <button
            type="button"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirm}
          </button>
          <button type="button" ref={cancelButton} onClick={() => dialog.current?.close()}>
            {cancel}
          </button>
        </div>
      </dialog>
    </>
  );
}
