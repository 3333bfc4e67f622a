import { Link } from "@/components/ui/Link";

export type ButtonVariant = "primary" | "secondary" | "danger" | "link";

const VARIANT_CLASSES: Record<ButtonVariant, string> = {
  primary: "button",
  secondary: "button button--secondary",
  danger: "button button--danger",
  link: "button--link",
};

/** The classes of a button of this variant, for markup that cannot use Button or ButtonLink. */
export function buttonClassName(variant: ButtonVariant = "primary", className?: string): string {
  return className ? `${VARIANT_CLASSES[variant]} ${className}` : VARIANT_CLASSES[variant];
}

type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; icon?: React.ReactNode };

/** A button; type="button" unless told otherwise, so that it never submits a form by surprise. */
export function Button({ variant = "primary", icon, className, type = "button", children, ...rest }: ButtonProps) {
  return (
    <button type={type} className={buttonClassName(variant, className)} {...rest}>
      {icon}
      {children}
    </button>
  );
}

type ButtonLinkProps = { href: string; variant?: ButtonVariant; icon?: React.ReactNode; className?: string; children: React.ReactNode };

/** A link that looks like a button: it goes somewhere, it does not act. */
export function ButtonLink({ href, variant = "primary", icon, className, children }: ButtonLinkProps) {
  return (
    <Link href={href} className={buttonClassName(variant, className)}>
      {icon}
      {children}
    </Link>
  );
}
