"use client";

import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { transformCaret, type TextDelta } from "@/lib/editor/caret";
import { setText } from "@/lib/fiche/document";

const LOCAL_INPUT = Symbol("local-input");

type Props = {
  text: Y.Text;
  id: string;
  label: string;
  hint?: string;
  type?: "text" | "url";
  disabled?: boolean;
  autoComplete?: string;
};

/**
 * A labelled input bound to a Y.Text of the fiche's document: typing applies the smallest edit, and
 * a peer's edit updates the field without moving the caret of the person typing in it.
 */
export function YTextField({ text, id, label, hint, type = "text", disabled, autoComplete = "off" }: Props) {
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const input = ref.current!;
    input.value = text.toString();
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
  }, [text]);

  const onInput = () => {
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
        // The server renders the stored value; the effect keeps the field bound to the live text.
        defaultValue={text.toString()}
        disabled={disabled}
        autoComplete={autoComplete}
        spellCheck={type === "text"}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={onInput}
      />
    </div>
  );
}
