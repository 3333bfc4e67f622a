"use client";

import { usePathname } from "next/navigation";
import { useRef, useState } from "react";
import { Menu as MenuIcon, X } from "lucide-react";
import { buttonClassName as classesOf } from "./Button";

type MenuProps = {
  /** The button's name, « Menu » in the header. */
  label: string;
  /** The id of the panel, which the button controls. */
  id: string;
  children: React.ReactNode;
  className?: string;
  buttonClassName?: string;
  panelClassName?: string;
};

/**
 * A disclosure: a button that shows and hides a panel of links (WAI-ARIA disclosure pattern, not a
 * role="menu", which would take the links' Tab order away). Escape closes it and gives focus back to
 * the button; following a link closes it. Whether the panel is also shown without the button (the
 * header on wide screens) is the caller's CSS, through data-open.
 */
export function Menu({ label, id, children, className, buttonClassName, panelClassName }: MenuProps) {
  const pathname = usePathname();
  // Open on the page where it was opened: a navigation closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn !== null && openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    event.stopPropagation();
    setOpenOn(null);
    button.current?.focus();
  }

  return (
    <div className={className} data-open={open} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={classesOf("secondary", buttonClassName)}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {open ? <X size={20} aria-hidden="true" /> : <MenuIcon size={20} aria-hidden="true" />}
        {label}
      </button>
      <div id={id} className={panelClassName}>
        {children}
      </div>
    </div>
  );
}
