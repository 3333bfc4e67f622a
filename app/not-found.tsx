import { Link } from "@/components/ui/Link";

export default function NotFound() {
  return (
    <>
      <h1>Page introuvable</h1>
      <p>La page que vous cherchez n&apos;existe pas ou a été déplacée.</p>
      <ul>
        <li>
          <Link href="/">Revenir à l&apos;accueil</Link>
        </li>
        <li>
          <Link href="/acteurs">Parcourir l&apos;annuaire des acteurs</Link>
        </li>
      </ul>
    </>
  );
}
