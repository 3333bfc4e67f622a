import { Link } from "@/components/ui/Link";
import type { RepriseOfFiche } from "@/db/queries/reprise";
import { formatDepuis } from "@/lib/reprise/schema";
import { WithdrawRepriseButton } from "./WithdrawRepriseButton";
import styles from "./Reprises.module.css";

type Props = {
  reprises: RepriseOfFiche[];
  ficheId: number;
  slug: string;
  /** The acteurs whose declaration the viewer may withdraw. */
  withdrawable: (acteurId: number) => boolean;
};

/** The take-ups of a fiche: which acteur, where, since when, and what it changed. */
export function RepriseList({ reprises, ficheId, slug, withdrawable }: Props) {
  if (reprises.length === 0) return <p className="muted">Aucun acteur n&apos;a encore déclaré avoir repris cette pratique.</p>;
  return (
    <ul className={styles.list}>
      {reprises.map((r) => (
        <li key={r.id}>
          <p>
            <Link href={`/acteurs/${r.acteurSlug}`}>{r.acteurNom}</Link>, à {r.commune}, depuis {formatDepuis(r.depuis)}
          </p>
          {r.changements && <p className="pre-line">Ce qui a changé : {r.changements}</p>}
          {withdrawable(r.acteurId) && <WithdrawRepriseButton ficheId={ficheId} slug={slug} acteurId={r.acteurId} acteurNom={r.acteurNom} />}
        </li>
      ))}
    </ul>
  );
}
