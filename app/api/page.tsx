import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { openApiDocument, type Operation } from "@/app/api/v1/_openapi/document";
import { PER_PAGE_DEFAULT, PER_PAGE_MAX } from "@/lib/schemas/api-query";
import { API_RATE_LIMITS } from "@/server/api/rate-limit";
import { publicUrl } from "@/server/config";

export const metadata: Metadata = {
  title: "API ouverte",
  description: "Lire et enrichir le wiki de la Solidarité numérique depuis un programme : fiches, acteurs, lieux, thèmes et recherche.",
};

// The examples name this instance's own address, read at request time.
export const dynamic = "force-dynamic";

const METHOD_ORDER = ["get", "post", "patch"] as const;

const STATUSES: [number, string][] = [
  [400, "requête mal formée : paramètre inconnu ou invalide, JSON illisible"],
  [401, "jeton absent (écriture), inconnu, révoqué, ou compte désactivé"],
  [403, "votre compte n'a pas le droit de faire cela (mêmes règles que sur le wiki)"],
  [404, "introuvable, ou invisible pour vous (brouillon d'un autre, fiche masquée)"],
  [409, "l'état de la ressource l'interdit (changement de statut impossible…)"],
  [412, "If-Match ne correspond plus à la version actuelle : relisez-la"],
  [415, "le corps doit être du JSON (Content-Type: application/json)"],
  [422, "des champs sont invalides : voir error.details"],
  [429, "trop de requêtes : attendez le nombre de secondes de Retry-After"],
];

function Code({ children }: { children: string }) {
  return (
    <pre className="api-doc__code">
      <code>{children}</code>
    </pre>
  );
}

export default function ApiPage() {
  const base = publicUrl();
  const document = openApiDocument(base);
  const endpoints = Object.entries(document.paths).flatMap(([path, item]) =>
    METHOD_ORDER.flatMap((method) => {
      const operation = (item as Partial<Record<(typeof METHOD_ORDER)[number], Operation>>)[method];
      return operation ? [{ method: method.toUpperCase(), path, operation }] : [];
    }),
  );
  return (
    <article className="api-doc">
      <h1>API ouverte</h1>
      <p>
        Le contenu du wiki se lit aussi depuis un programme : un tableur, une carte, le site d&apos;une association ou d&apos;une
        collectivité. L&apos;API donne les fiches, les acteurs et leurs lieux, les listes partagées (thèmes, publics, enjeux,
        objectifs) et la recherche, au format JSON. Les contributeurs peuvent aussi créer et modifier des fiches et des acteurs,
        avec exactement les mêmes droits que sur le wiki.
      </p>
      <p>
        La description complète, lisible par les outils (Swagger, Postman, générateurs de clients), est au format OpenAPI 3.1 :{" "}
        <a href="/api/v1/openapi.json">
          <code>/api/v1/openapi.json</code>
        </a>
        . Les messages d&apos;erreur de l&apos;API sont en anglais, comme le veut l&apos;usage des API publiques.
      </p>

      <h2>Lire, sans compte</h2>
      <p>
        Toutes les lectures sont ouvertes, sans jeton, depuis n&apos;importe quel site (CORS) : fiches publiées, acteurs, lieux,
        listes partagées, recherche. Les brouillons et les fiches masquées par la modération n&apos;y figurent pas.
      </p>
      <Code>{`curl "${base}/api/v1/fiches?type=pratique&theme=e-inclusion&per_page=10"`}</Code>

      <h2>Écrire, avec un jeton personnel</h2>
      <p>
        Pour créer ou modifier, créez un jeton dans la section « Jetons d&apos;accès à l&apos;API » de{" "}
        <Link href="/compte">votre compte</Link>. Il ne s&apos;affiche qu&apos;une fois : copiez-le aussitôt et gardez-le
        secret, comme un mot de passe. Un programme qui l&apos;envoie dans l&apos;en-tête <code>Authorization</code> agit en
        votre nom, avec vos droits : une fiche verrouillée reste réservée aux membres de ses acteurs porteurs et aux
        modérateurs, un brouillon reste invisible pour les autres. Révoquez un jeton dès qu&apos;il ne sert plus ; il cesse
        aussitôt de fonctionner. Le cookie de connexion du navigateur n&apos;est jamais accepté pour écrire.
      </p>
      <p>Créer une fiche (elle naît brouillon, visible de vous seul jusqu&apos;à sa publication) :</p>
      <Code>{`curl -X POST "${base}/api/v1/fiches" \\
  -H "Authorization: Bearer wsn_votre_jeton" \\
  -H "Content-Type: application/json" \\
  -d '{"type": "pratique", "titre": "Café numérique du jeudi", "commune": "Bordeaux", "themes": ["e-inclusion"]}'`}</Code>
      <p>
        La modifier : seuls les champs envoyés changent. La modification s&apos;inscrit dans le document partagé de la fiche, si
        bien que les personnes qui l&apos;éditent à ce moment la voient arriver en direct, sans rien perdre de ce qu&apos;elles
        écrivent. Envoyez l&apos;<code>ETag</code> lu avec <code>If-Match</code> pour refuser d&apos;écraser une version plus
        récente (réponse 412).
      </p>
      <Code>{`curl -X PATCH "${base}/api/v1/fiches/cafe-numerique-du-jeudi" \\
  -H "Authorization: Bearer wsn_votre_jeton" \\
  -H "Content-Type: application/json" \\
  -H 'If-Match: W/"…ETag de la lecture…"' \\
  -d '{"acteurs": [{"acteur": "emmaus-connect", "role": "porteur"}], "statut": "publiee"}'`}</Code>

      <h2>Pages, filtres et cache</h2>
      <ul>
        <li>
          Les listes se lisent page par page : <code>page</code> (à partir de 1) et <code>per_page</code> ({PER_PAGE_DEFAULT}{" "}
          par défaut, {PER_PAGE_MAX} au plus). La réponse est <code>{"{ data, meta }"}</code> ; <code>meta</code> donne la page,
          le nombre total et le nombre de pages, et l&apos;en-tête <code>Link</code> les adresses des pages voisines.
        </li>
        <li>Un paramètre inconnu ou une valeur invalide est refusé (400) : un filtre mal orthographié ne passe pas inaperçu.</li>
        <li>
          Chaque lecture porte un <code>ETag</code> : renvoyez-le dans <code>If-None-Match</code> et le wiki répond 304, sans
          corps, tant que rien n&apos;a changé.
        </li>
      </ul>

      <h2>Erreurs</h2>
      <p>Toutes les erreurs ont la même forme, avec un code stable et un message en anglais, champ par champ si besoin :</p>
      <Code>{`{
  "error": {
    "code": "validation_failed",
    "message": "Some fields are invalid: see details.",
    "details": [{ "field": "titre", "message": "titre cannot be empty." }]
  }
}`}</Code>
      <ul className="api-doc__statuses">
        {STATUSES.map(([status, meaning]) => (
          <li key={status}>
            <code>{status}</code> : {meaning}
          </li>
        ))}
      </ul>

      <h2>Limites</h2>
      <p>
        Sans jeton, {API_RATE_LIMITS.anonymous} requêtes par minute et par adresse ; avec un jeton, {API_RATE_LIMITS.token}{" "}
        requêtes par minute et par jeton. Chaque réponse indique où vous en êtes (<code>RateLimit-Limit</code>,{" "}
        <code>RateLimit-Remaining</code>, <code>RateLimit-Reset</code>) ; au-delà, la réponse 429 dit dans{" "}
        <code>Retry-After</code> combien de secondes attendre. Le corps d&apos;une écriture fait au plus 256 Kio.
      </p>

      <h2>Points d&apos;accès</h2>
      <ul className="api-doc__endpoints">
        {endpoints.map(({ method, path, operation }) => (
          <li key={`${method} ${path}`}>
            <code className="api-doc__endpoint">
              <span className="api-doc__method">{method}</span> {path}
            </code>
            <span>
              {operation["x-summary-fr"]}
              {operation.security?.every((s) => Object.keys(s).length > 0) ? " — jeton requis" : ""}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}
