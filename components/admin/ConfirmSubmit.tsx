"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useFormStatus } from "react-dom";

type Props = {
  /** The first button's content, e.g. "Désactiver le compte" plus a visually hidden "de Alice". */
  children: React.ReactNode;
  /** What the confirmation asks, read with the confirm button. */
  question: string;
  /** The confirm button's content. */
  confirm: React.ReactNode;
};

/**
 * A submit button that asks first, inside the page rather than in a browser dialog: focus moves to the
 * confirm button, "Annuler" or Escape brings it back. Must sit inside the form it submits.
 */
export function ConfirmSubmit({ children, question, confirm }: Props) {
  const [asking, setAsking] = useState(false);
  const { pending } = useFormStatus();
  const opener = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const focusOpener = useRef(false);
  const wasPending = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) confirmButton.current?.focus();
    else if (focusOpener.current) {
      focusOpener.current = false;
      opener.current?.focus();
    }
  }, [asking]);

  // Once the submission is over, go back to the first button (if the item still exists).
  useEffect(() => {
    if (wasPending.current && !pending) {
      focusOpener.current = true;
      setAsking(false);
    }
    wasPending.current = pending;
  }, [pending]);

  const cancel = () => {
    focusOpener.current = true;
    setAsking(false);
  };

  if (!asking) {
    return (
      <button type="button" ref={opener} className="button--danger" onClick={() => setAsking(true)}>
        {children}
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === "Escape") cancel();
      }}
    >
      <p id={questionId} className="confirm__question">
        {question}
      </p>
      <div className="actions">
        <button type="submit" ref={confirmButton} className="button--danger" disabled={pending}>
          {pending ? "Enregistrement…" : confirm}
        </button>
        <button type="button" className="button--secondary" onClick={cancel} disabled={pending}>
          Annuler
        </button>
      </div>
    </div>
  );
}
