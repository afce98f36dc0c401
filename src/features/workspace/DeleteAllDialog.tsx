import { useRef } from 'react';

/** "Delete all my data" with an accessible confirmation dialog (native <dialog>: focus is trapped and Escape cancels). */
export function DeleteAllDialog({ onConfirm, busy }: { onConfirm: () => void; busy: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="button-danger" disabled={busy} onClick={() => dialog.current?.showModal()}>
        Delete all my data
      </button>
      <dialog ref={dialog} className="workspace-dialog" aria-labelledby="delete-title" aria-describedby="delete-desc">
        <h2 id="delete-title">Delete all your data?</h2>
        <p id="delete-desc">
          This removes your imported reviews, briefings and documents, your corrections, your theme changes and your retrained
          tagger from this browser. The bundled reviews and briefings stay. This cannot be undone: export your workspace first
          if you may want it back.
        </p>
        <form method="dialog" className="workspace-actions">
          <button type="submit" value="cancel" className="button-secondary" autoFocus>Cancel</button>
          <button type="submit" value="delete" className="button-danger" onClick={onConfirm}>Delete everything of mine</button>
        </form>
      </dialog>
    </>
  );
}
