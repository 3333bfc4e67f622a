/**
 * The wiki's mark: two linked rings, a person and the hand held out to them. Decorative: the site's
 * name always stands beside it, so the mark stays out of the accessibility tree.
 */
export function Logo({ size = 40 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="10" fill="#005a70" />
      <circle cx="24.5" cy="20" r="8" fill="#ea6a47" />
      <circle cx="15.5" cy="20" r="8" fill="none" stroke="#ffffff" strokeWidth="3.5" />
    </svg>
  );
}
