"use client";

import { useEffect, useId, useRef } from "react";
import { X } from "lucide-react";

type DialogProps = {
  title: string;
  /** Called on Escape and on the close button: the caller unmounts the dialog. */
  onClose: () => void;
  children: React.ReactNode;
  className?: string;
};

/**
 * A modal dialog, open while it is mounted. The browser's <dialog> with showModal() keeps the focus
 * inside and makes the page behind inert; Escape and « Fermer » call onClose. On unmount the focus
 * goes back where it was, unless the caller has already put it somewhere else.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      const focusLeft = !document.activeElement || document.activeElement === document.body || element?.contains(document.activeElement);
      element?.close();
      if (focusLeft && opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : "dialog"}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // The dialog's life is the caller's state: closing it behind React's back would desynchronise them.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--secondary dialog__close" onClick={onClose}>
          <X size={18} aria-hidden="true" />
          Fermer
        </button>
      </div>
      {children}
    </dialog>
  );
}
