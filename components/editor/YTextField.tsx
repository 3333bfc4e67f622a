"use client";

import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { transformCaret, type TextDelta } from "@/lib/editor/caret";
import { setText } from "@/lib/fiche/document";

const LOCAL_INPUT = Symbol("local-input");

type Props = {
  /** Null until the fiche's document exists (see useFicheSession). */
  text: Y.Text | null;
  /** The value the page was rendered with. */
  initialValue: string;
  id: string;
  label: string;
  hint?: string;
  type?: "text" | "url";
  disabled?: boolean;
  autoComplete?: string;
};

/**
 * A labelled input bound to a Y.Text of the fiche's document: typing applies the smallest edit, and
 * a peer's edit updates the field without moving the caret of the person typing in it. Until the
 * document exists, the input shows the page's value and keeps what is typed for the document.
 */
export function YTextField({ text, initialValue, id, label, hint, type = "text", disabled, autoComplete = "off" }: Props) {
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!text) return;
    const input = ref.current!;
    // Typed before the document existed: the person's latest word on this field.
    if (input.value !== initialValue) text.doc!.transact(() => setText(text, input.value), LOCAL_INPUT);
    else input.value = text.toString();
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL_INPUT) return;
      const value = text.toString();
      if (input.value === value) return;
      const focused = document.activeElement === input;
      const start = input.selectionStart;
      const end = input.selectionEnd;
      input.value = value;
      if (focused && start !== null && end !== null) {
        const delta = event.delta as TextDelta;
        input.setSelectionRange(transformCaret(start, delta), transformCaret(end, delta), input.selectionDirection ?? undefined);
      }
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text, initialValue]);

  const onInput = () => {
    if (!text) return;
    const value = ref.current!.value;
    text.doc!.transact(() => setText(text, value), LOCAL_INPUT);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input
        ref={ref}
        id={id}
        name={id}
        type={type}
        // The server renders the page's value; the effect binds the field to the live text.
        defaultValue={initialValue}
        disabled={disabled}
        autoComplete={autoComplete}
        spellCheck={type === "text"}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={onInput}
      />
    </div>
  );
}
