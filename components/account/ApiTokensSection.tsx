import { Link } from "@/components/ui/Link";
import { ApiTokenCreateForm } from "./ApiTokenCreateForm";
import { ApiTokenList, type ApiTokenItem } from "./ApiTokenList";

/** The "Jetons d'accès à l'API" section of the account page: the active tokens, and a form to create one. */
export function ApiTokensSection({ tokens }: { tokens: ApiTokenItem[] }) {
  return (
    <section aria-labelledby="titre-jetons">
      <h2 id="titre-jetons">Jetons d&apos;accès à l&apos;API</h2>
      <p>
        Un jeton permet à un programme (un script, un tableur, un autre site) de lire et de modifier le wiki avec vos droits,
        par l&apos;<Link href="/api">API ouverte</Link>. Créez un jeton par usage et révoquez-le dès qu&apos;il ne sert plus.
      </p>
      <h3>Vos jetons actifs</h3>
      <ApiTokenList tokens={tokens} />
      <h3>Créer un jeton</h3>
      <ApiTokenCreateForm />
    </section>
  );
}
