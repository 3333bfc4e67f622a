import { Link } from "@/components/ui/Link";
import type { FollowedItem } from "@/db/queries/follow";
import { FOLLOW_TARGET_LABELS } from "@/lib/follow/schema";
import { FOLLOW_TARGETS } from "@/lib/follow/values";
import { UnfollowButton } from "./UnfollowButton";
import styles from "./FollowList.module.css";

/** What a person follows, grouped by kind, each with its « Ne plus suivre ». */
export function FollowList({ items }: { items: FollowedItem[] }) {
  if (items.length === 0) {
    return (
      <p className="muted">
        Vous ne suivez encore rien. Sur la page d&apos;une fiche, d&apos;un acteur, d&apos;un thème ou d&apos;un catalogue, le bouton « Suivre » vous
        tient au courant de ses nouveautés.
      </p>
    );
  }
  return (
    <>
      {FOLLOW_TARGETS.filter((type) => items.some((i) => i.targetType === type)).map((type) => (
        <section key={type} aria-labelledby={`suivis-${type}`}>
          <h2 id={`suivis-${type}`}>{FOLLOW_TARGET_LABELS[type].plural}</h2>
          <ul className={styles.list}>
            {items
              .filter((i) => i.targetType === type)
              .map((item) => (
                <li key={`${item.targetType}-${item.targetId}`}>
                  <Link href={item.href}>{item.label}</Link>
                  <UnfollowButton targetType={item.targetType} targetId={item.targetId} label={item.label} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
