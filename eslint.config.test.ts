import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layers are only as real as the linter that enforces them: lint snippets as if they sat in each folder.
const eslint = new ESLint({ cwd: import.meta.dirname });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("layer boundaries", () => {
  it("refuses a component that opens the database itself, and accepts a type import", async () => {
    const refused = await restrictedImports("components/fiche/Example.tsx", 'import { getDb } from "@/db/client";\nexport const db = getDb();\n');
    expect(refused).toEqual([expect.stringContaining("components/ reçoit ses données en props")]);
    expect(await restrictedImports("components/fiche/Example.tsx", 'import { getDb } from "../../db/client";\nexport const db = getDb();\n')).toHaveLength(1);
    expect(await restrictedImports("components/fiche/Example.tsx", 'import type { Db } from "@/db/client";\nexport type X = Db;\n')).toEqual([]);
  });

  it("keeps lib/ free of db/ and server/, even for types", async () => {
    expect(await restrictedImports("lib/fiche/example.ts", 'import type { Db } from "@/db/client";\nexport type X = Db;\n')).toHaveLength(1);
    expect(await restrictedImports("lib/fiche/example.ts", 'import { getCurrentViewer } from "@/server/session";\nexport const v = getCurrentViewer;\n')).toHaveLength(1);
  });

  it("keeps server/ out of db/ and Next and React out of server/collab/", async () => {
    expect(await restrictedImports("db/queries/example.ts", 'import { publicUrl } from "@/server/config";\nexport const u = publicUrl;\n')).toHaveLength(1);
    expect(await restrictedImports("server/collab/example.ts", 'import { cookies } from "next/headers";\nexport const c = cookies;\n')).toHaveLength(1);
    expect(await restrictedImports("server/collab/example.ts", 'import { useState } from "react";\nexport const s = useState;\n')).toHaveLength(1);
    expect(await restrictedImports("server/fiche-example.ts", 'import { getDb } from "@/db/client";\nexport const db = getDb;\n')).toEqual([]);
  });

  it("keeps Yjs out of server-rendered code: pages go through the document service; the browser editor may use it", async () => {
    const yjs = 'import * as Y from "yjs";\nexport const doc = new Y.Doc();\n';
    expect(await restrictedImports("app/fiches/[slug]/example/page.tsx", yjs)).toEqual([expect.stringContaining("service des documents")]);
    expect(await restrictedImports("components/fiche/Example.tsx", yjs)).toHaveLength(1);
    expect(await restrictedImports("components/editor/Example.tsx", yjs)).toEqual([]);
  });

  it("sends pages and components to the wiki's Link, which does not prefetch", async () => {
    const link = 'import Link from "next/link";\nexport const L = Link;\n';
    expect(await restrictedImports("app/fiches/[slug]/example/page.tsx", link)).toEqual([expect.stringContaining("@/components/ui/Link")]);
    expect(await restrictedImports("components/editor/Example.tsx", link)).toHaveLength(1);
    expect(await restrictedImports("components/ui/Link.tsx", link)).toEqual([]);
  });
});
