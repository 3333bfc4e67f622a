import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The layers, as the README and shared/STYLE.md describe them. Each entry says what a folder may not import.
// A path is matched whether it is written with the "@/" alias or relatively ("../../db/client").
const layer = (folder) => `^(@/|(\\.\\./)+|\\./)${folder}(/|$)`;

const componentsBoundary = {
  regex: `${layer("db")}|${layer("server")}`,
  allowTypeImports: true,
  message: "components/ reçoit ses données en props ou par une action serveur : n'importe db/ et server/ qu'avec « import type ».",
};
const libBoundary = {
  regex: `${layer("db")}|${layer("server")}`,
  message: "lib/ est exécuté aussi dans le navigateur : il n'importe ni db/ ni server/ (placez l'énumération ou le type dans lib/<nom>).",
};
const dbBoundary = {
  regex: layer("server"),
  message: "db/ est la couche du bas : il n'importe jamais server/.",
};
// Fiches' documents belong to the collaboration server's one copy of Yjs (server/collab/documents.ts):
// server-rendered code reads and writes them through that service, with plain data.
const yjsOwner = {
  regex: "^(yjs|y-protocols|y-websocket|@tiptap/y-tiptap)(/|$)",
  allowTypeImports: true,
  message: "Pas de Yjs dans le code rendu côté serveur : passez par le service des documents (server/collab/write.ts, getFicheDocuments) avec des données simples. Seul l'éditeur (components/editor/, code du navigateur) l'importe.",
};
// Every page is dynamic: components/ui/Link.tsx turns prefetching off, and says why.
const nextLink = {
  regex: "^next/link$",
  message: "Importez Link depuis @/components/ui/Link : il ne précharge pas les pages, qui sont toutes dynamiques (chaque préchargement coûte une requête au serveur).",
};
const collabBoundary = {
  regex: "^(next|react|react-dom)(/|$)",
  message: "server/collab/ tourne hors de Next : ni next/*, ni React.",
};

const restrict = (...patterns) => ({
  "no-restricted-imports": "off",
  "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
});

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  reactHooks.configs.flat["recommended-latest"],
  {
    plugins: { "@next/next": nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs["core-web-vitals"].rules },
    settings: { next: { rootDir: "." } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  { files: ["components/**/*.{ts,tsx}"], rules: restrict(componentsBoundary, yjsOwner, nextLink) },
  { files: ["components/editor/**/*.{ts,tsx}"], rules: restrict(componentsBoundary, nextLink) },
  { files: ["components/ui/Link.tsx"], rules: restrict(componentsBoundary, yjsOwner) },
  { files: ["app/**/*.{ts,tsx}"], ignores: ["app/**/*.test.ts"], rules: restrict(yjsOwner, nextLink) },
  { files: ["lib/**/*.{ts,tsx}"], ignores: ["lib/**/*.test.ts"], rules: restrict(libBoundary) },
  // db's own tests build their data through the domain's door in server/, like every other test.
  { files: ["db/**/*.{ts,tsx}"], ignores: ["db/**/*.test.ts"], rules: restrict(dbBoundary) },
  { files: ["server/collab/**/*.ts"], rules: restrict(collabBoundary) },
);
