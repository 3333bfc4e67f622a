import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { commentSegments, mentionedIds, mentionToken } from "@/lib/comment/format";
import { CommentBody } from "./CommentBody";

const names = new Map([[12, "Camille Martin"]]);
const html = (body: string) => renderToStaticMarkup(createElement(CommentBody, { body, names }));

describe("CommentBody", () => {
  it("shows markup as text, never as HTML", () => {
    const out = html('<script>alert("x")</script><img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("links http(s) addresses only, as user content, leaving the sentence's punctuation out", () => {
    const out = html("Voir https://exemple.fr/page?a=1&b=2. Ou javascript:alert(1) et data:text/html,<b>x</b>");
    expect(out).toContain('<a href="https://exemple.fr/page?a=1&amp;b=2" rel="nofollow ugc noopener" class="comment__link">https://exemple.fr/page?a=1&amp;b=2</a>.');
    expect(out.match(/<a /g)).toHaveLength(1);
    expect(out).toContain("javascript:alert(1)");
    expect(out).not.toContain('href="javascript');
  });

  it("does not let a quote in an address break out of the attribute", () => {
    const out = html('https://exemple.fr/"onmouseover="alert(1)');
    expect(out).toContain('href="https://exemple.fr/"');
    expect(out).not.toContain("onmouseover=\"alert");
  });

  it("keeps line breaks", () => {
    expect(html("un\ndeux")).toBe('<p class="comment__body">un<br/>deux</p>');
  });

  it("shows a mention with the account's current name, and a forged one as the text typed", () => {
    expect(html("Merci @[Ancien nom](12) !")).toBe('<p class="comment__body">Merci <strong class="comment__mention">@Camille Martin</strong> !</p>');
    expect(html("@[Administrateur](999) a validé")).toBe('<p class="comment__body">@[Administrateur](999) a validé</p>');
    expect(commentSegments("@[<b>x</b>](999)", names)).toEqual([{ kind: "text", text: "@[<b>x</b>](999)" }]);
  });

  it("writes mention tokens that parse back, whatever the name holds", () => {
    const body = `${mentionToken("Jean [admin]\nDupont", 7)} et ${mentionToken("Camille", 12)} puis ${mentionToken("Camille", 12)}`;
    expect(mentionedIds(body)).toEqual([7, 12]);
  });
});
