import * as Y from "yjs";

/**
 * A document the server builds to read or rewrite a state, then drops. It is given a guid because
 * Yjs would otherwise draw a random uuid through WebCrypto, which costs more than loading a small
 * fiche: the projection worker builds one or more per projection.
 */
export function scratchDoc(): Y.Doc {
  return new Y.Doc({ guid: "scratch" });
}
