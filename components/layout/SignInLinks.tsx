"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { RETURN_PARAM, firstSafeReturnPath, signInHref, signUpHref } from "@/lib/auth/return-path";
import { NavLink } from "./NavLink";

/** The page being read, or, on the sign-in and sign-up pages, the one the visitor is going back to. */
function useReturnPath(): string {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  if (pathname === "/connexion" || pathname === "/inscription") {
    return firstSafeReturnPath(searchParams.getAll(RETURN_PARAM), searchParams.getAll("callbackUrl"));
  }
  const query = searchParams.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** The header's « Se connecter » and « Créer un compte », which come back to the page being read. */
export function SignInLinks() {
  const returnTo = useReturnPath();
  return (
    <>
      <li>
        <NavLink href={signInHref(returnTo)}>Se connecter</NavLink>
      </li>
      <li>
        <NavLink href={signUpHref(returnTo)}>Créer un compte</NavLink>
      </li>
    </>
  );
}
