import { Link } from "@/components/ui/Link";

type CardProps = { children: React.ReactNode; className?: string; as?: "li" | "div" | "article" };

/**
 * A card of a list. Its title (CardTitle) is its one link and covers the whole card, so that a
 * pointer can hit it anywhere while a keyboard meets a single tab stop.
 */
export function Card({ children, className, as: Element = "li" }: CardProps) {
  return <Element className={className ? `card card--linked ${className}` : "card card--linked"}>{children}</Element>;
}

type CardTitleProps = { href: string; level?: 2 | 3 | 4; children: React.ReactNode; className?: string };

/** The heading of a Card, a link to what the card shows. */
export function CardTitle({ href, level = 3, children, className }: CardTitleProps) {
  const Heading = `h${level}` as const;
  return (
    <Heading className={className ? `card__title ${className}` : "card__title"}>
      <Link href={href} className="card__link">
        {children}
      </Link>
    </Heading>
  );
}

/** The small line above or below a card's title: its kind, with an optional icon. */
export function CardMeta({ icon, children }: { icon?: React.ReactNode; children: React.ReactNode }) {
  return (
    <p className="card__meta">
      {icon}
      {children}
    </p>
  );
}
