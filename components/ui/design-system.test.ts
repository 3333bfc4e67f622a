import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, ButtonLink } from "./Button";
import { Card, CardTitle } from "./Card";
import { Dialog } from "./Dialog";
import { Menu } from "./Menu";
import { Tabs } from "./Tabs";
import { Tag, Tags } from "./Tag";

const html = (element: React.ReactElement) => renderToStaticMarkup(element);

describe("Button and ButtonLink", () => {
  it("never submits by surprise, and carries the variant's classes", () => {
    expect(html(h(Button, { variant: "danger" }, "Supprimer"))).toBe('<button type="button" class="button button--danger">Supprimer</button>');
    expect(html(h(Button, { type: "submit" }, "Envoyer"))).toContain('type="submit"');
    expect(html(h(ButtonLink, { href: "/fiches", variant: "secondary", children: "Toutes les fiches" }))).toBe(
      '<a class="button button--secondary" href="/fiches">Toutes les fiches</a>',
    );
  });
});

describe("Card", () => {
  it("is a list item whose title link, at the asked level, covers the card", () => {
    const markup = html(h(Card, { children: h(CardTitle, { href: "/fiches/a", level: 2, children: "Atelier" }) }));
    expect(markup).toBe('<li class="card card--linked"><h2 class="card__title"><a class="card__link" href="/fiches/a">Atelier</a></h2></li>');
  });
});

describe("Tag", () => {
  it("says its tone by class, in a labelled list", () => {
    const markup = html(h(Tags, { label: "Thèmes", children: [h(Tag, { key: "s", tone: "suggested", children: "Santé" }), h(Tag, { key: "v", tone: "neutral", children: "À vérifier" })] }));
    expect(markup).toBe('<ul class="tags" aria-label="Thèmes"><li class="tag tag--suggere">Santé</li><li class="tag tag--neutre">À vérifier</li></ul>');
  });
});

describe("Tabs", () => {
  it("marks only the current view with aria-current", () => {
    const markup = html(
      h(Tabs, {
        label: "Types de fiches",
        small: true,
        items: [
          { href: "/fiches", label: "Toutes", current: false },
          { href: "/fiches?type=idee", label: "Idées", current: true },
        ],
      }),
    );
    expect(markup).toContain('<nav aria-label="Types de fiches" class="tabs tabs--small">');
    expect(markup.match(/aria-current="page"/g)).toHaveLength(1);
    expect(markup).toContain('<a aria-current="page" href="/fiches?type=idee">Idées</a>');
  });
});

describe("Dialog", () => {
  it("is named by its title and can always be closed by a labelled button", () => {
    const markup = html(h(Dialog, { title: "Lier une fiche", onClose: () => {}, children: "…" }));
    const titleId = markup.match(/<h2 id="([^"]+)"/)![1];
    expect(markup).toContain(`aria-labelledby="${titleId}"`);
    expect(markup).toMatch(/<button type="button" class="button button--secondary dialog__close">.*Fermer<\/button>/);
  });
});

describe("Menu", () => {
  it("starts closed, its button controlling the panel by id", () => {
    const markup = html(h(Menu, { label: "Menu", id: "menu-du-site", children: h("a", { href: "/fiches" }, "Fiches") }));
    expect(markup).toContain('data-open="false"');
    expect(markup).toMatch(/<button type="button" class="button button--secondary" aria-expanded="false" aria-controls="menu-du-site">/);
    expect(markup).toContain('<div id="menu-du-site"><a href="/fiches">Fiches</a></div>');
  });
});
