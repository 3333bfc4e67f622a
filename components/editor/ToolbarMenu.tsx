"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Ellipsis } from "lucide-react";
import type { ToolbarItem } from "./toolbar-items";
import styles from "./editor.module.css";

type Props = {
  items: ToolbarItem[];
  buttonRef: (el: HTMLButtonElement | null) => void;
  tabIndex: number;
  onFocus: () => void;
};

/**
 * The toolbar's « Plus » menu button (WAI-ARIA menu button pattern): Enter, Space or ↓ open it on
 * the first item, ↑ on the last; arrows, Home and End move between items; Escape closes it and
 * gives the focus back to the button; Tab or a click elsewhere closes it.
 */
export function ToolbarMenu({ items, buttonRef, tabIndex, onFocus }: Props) {
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement | null>(null);
  const menu = useRef<HTMLUListElement | null>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (item: ToolbarItem) => {
    if (item.disabled) return;
    // Closed first: the action moves the focus into the body or into a dialog.
    setOpen(false);
    item.run();
  };

  const onButtonKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "Enter" || event.key === " ") openAt(0);
    else if (event.key === "ArrowUp") openAt(items.length - 1);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  const onMenuKeyDown = (event: React.KeyboardEvent) => {
    // The toolbar's own arrow keys must not move the focus out of the menu.
    event.stopPropagation();
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      setActive((moves[event.key] + items.length) % items.length);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") {
      setOpen(false);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose(items[active]);
    }
  };

  return (
    <div className={styles.menuWrapper}>
      <button
        ref={(el) => {
          button.current = el;
          buttonRef(el);
        }}
        type="button"
        className={styles.button}
        tabIndex={tabIndex}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onFocus={onFocus}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        <Ellipsis aria-hidden="true" focusable="false" size={18} strokeWidth={2.25} />
        <span className={styles.tip}>Plus</span>
      </button>
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label="Plus de mise en forme" className={styles.menu} onKeyDown={onMenuKeyDown}>
          {items.map((item, i) => (
            <li
              key={item.key}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              role={item.pressed === undefined ? "menuitem" : "menuitemcheckbox"}
              aria-checked={item.pressed}
              aria-disabled={item.disabled || undefined}
              aria-keyshortcuts={item.shortcut}
              tabIndex={-1}
              className={styles.menuItem}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(item)}
              onPointerEnter={() => setActive(i)}
            >
              <item.icon aria-hidden="true" focusable="false" size={18} strokeWidth={2.25} />
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
