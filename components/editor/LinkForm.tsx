"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { Editor } from "@tiptap/react";
import { isSafeHref } from "@/lib/editor/extensions";

/** Adds "https://" to an address typed without a scheme ("www.bordeaux.fr"). */
function normalizeHref(value: string): string {
  const trimmed = value.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("/") || trimmed.startsWith("#")) return trimmed;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return `mailto:${trimmed}`;
  return `https://${trimmed}`;
}

/** The link editor under the toolbar: the address of the selected link, to set or remove. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [href, setHref] = useState(() => (editor.getAttributes("link").href as string | undefined) ?? "");
  const [error, setError] = useState<string | null>(null);
  const hasLink = editor.isActive("link");

  useEffect(() => input.current?.focus(), []);

  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const target = normalizeHref(href);
    if (href.trim() === "" || !isSafeHref(target)) {
      setError("Saisissez une adresse web (https://…), une adresse électronique ou un numéro de téléphone (tel:…).");
      input.current?.focus();
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !hasLink) {
      editor.chain().focus().insertContent({ type: "text", text: href.trim(), marks: [{ type: "link", attrs: { href: target } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href: target }).run();
    }
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  };

  return (
    <div
      className="link-form"
      role="group"
      aria-label="Modification du lien"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={`${id}-href`}>
        Adresse du lien
      </label>
      <input
        ref={input}
        id={`${id}-href`}
        type="url"
        inputMode="url"
        autoComplete="url"
        value={href}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setHref(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={apply}>
          Appliquer le lien
        </button>
        {hasLink && (
          <button type="button" className="button--secondary" onClick={remove}>
            Retirer le lien
          </button>
        )}
        <button type="button" className="button--link" onClick={close}>
          Fermer
        </button>
      </div>
    </div>
  );
}
