import styles from "./verification.module.css";

/** « 37 / 121 vérifiées »: imported fiches no longer « à vérifier », out of all imported fiches. */
export function VerificationProgressBar({ verified, total }: { verified: number; total: number }) {
  return (
    <div className={styles.progress}>
      <p id="verification-progression">
        <strong>
          {verified} / {total} vérifiées
        </strong>
      </p>
      <progress value={verified} max={Math.max(total, 1)} aria-labelledby="verification-progression" />
    </div>
  );
}
