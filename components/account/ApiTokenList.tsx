"use client";

import { useActionState, useEffect, useRef } from "react";
import { revokeMyApiToken } from "@/app/compte/api-token-actions";
import { ConfirmSubmit } from "@/components/admin/ConfirmSubmit";
import { FormMessage } from "@/components/ui/FormMessage";

/** A token as the account page lists it, dates already written out in French. */
export type ApiTokenItem = { id: number; name: string; prefix: string; created: string; lastUsed: string | null };

/**
 * The person's active tokens, each with a confirmed "Révoquer" button. The outcome of a revocation
 * is announced above the list and takes the focus, since the row it came from is gone.
 */
export function ApiTokenList({ tokens }: { tokens: ApiTokenItem[] }) {
  const [state, action] = useActionState(revokeMyApiToken, null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) outcome.current?.focus();
  }, [state]);
  return (
    <>
      <div ref={outcome} tabIndex={-1} className="api-tokens__outcome">
        <FormMessage state={state} />
      </div>
      {tokens.length === 0 ? (
        <p className="muted">Vous n&apos;avez aucun jeton actif.</p>
      ) : (
        <ul className="api-tokens">
          {tokens.map((token) => (
            <li key={token.id} className="api-token">
              <p className="api-token__name">{token.name}</p>
              <p className="api-token__details">
                Commence par <code>{token.prefix}</code> · créé le {token.created} ·{" "}
                {token.lastUsed ? `dernière utilisation le ${token.lastUsed}` : "jamais utilisé"}
              </p>
              <form action={action}>
                <input type="hidden" name="tokenId" value={token.id} />
                <ConfirmSubmit
                  question={`Révoquer le jeton « ${token.name} » ? Les programmes qui l'utilisent n'auront plus accès à l'API.`}
                  confirm={
                    <>
                      Confirmer la révocation<span className="visually-hidden"> du jeton {token.name}</span>
                    </>
                  }
                >
                  Révoquer le jeton<span className="visually-hidden"> {token.name}</span>
                </ConfirmSubmit>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
