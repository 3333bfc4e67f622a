import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The wiki's link: next/link, never prefetched unless a caller asks for it. Every page is dynamic
 * and has no loading.tsx, so a prefetch brings only the route's tree, while each visible link costs
 * the server a request: a catalogue page sent six of them, twice, beside the « Dupliquer » the
 * trainer had just clicked, and a fiche page up to eight.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
