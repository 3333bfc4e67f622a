/** The secret address of a person's Atom feed of notifications. */
export function personalFeedPath(token: string): string {
  return `/flux/personnel/${token}`;
}
