import { telHref } from "@/lib/carte/item";
import { siteLabel, type ContactAdvice } from "@/lib/orientation/contact";

/**
 * The phone, emails and site of a proposed lieu, its acteur's when the lieu gives none (then named
 * in the label), as rows of a description list; links on screen, plain large text on paper.
 */
export function ContactRows({ contact, acteurNom, printed = false }: { contact: ContactAdvice; acteurNom: string; printed?: boolean }) {
  const of = (from: "lieu" | "acteur") => (from === "acteur" ? ` de ${acteurNom}` : "");
  const { telephone, courriels, siteWeb } = contact;
  return (
    <>
      {telephone && (
        <>
          <dt>Téléphone{of(telephone.from)}</dt>
          <dd>
            {printed ? (
              <strong className="fiche-orientation__tel">{telephone.number}</strong>
            ) : (
              <a href={telHref(telephone.number)}>{telephone.number}</a>
            )}
          </dd>
        </>
      )}
      {courriels && (
        <>
          <dt>Courriel{of(courriels.from)}</dt>
          <dd>
            {printed
              ? courriels.addresses.join(", ")
              : courriels.addresses.map((email, i) => (
                  <span key={email}>
                    {i > 0 && ", "}
                    <a href={`mailto:${email}`}>{email}</a>
                  </span>
                ))}
          </dd>
        </>
      )}
      {siteWeb && (
        <>
          <dt>Site web{of(siteWeb.from)}</dt>
          <dd>
            {printed ? (
              siteLabel(siteWeb.url)
            ) : (
              <a href={siteWeb.url} rel="noopener noreferrer">
                {siteLabel(siteWeb.url)}
              </a>
            )}
          </dd>
        </>
      )}
    </>
  );
}
