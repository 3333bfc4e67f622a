import {
  Frais,
  Itinerance,
  ModaliteAcces,
  ModaliteAccompagnement,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Service,
} from "@gouvfr-anct/lieux-de-mediation-numerique";
import { describe, expect, it } from "vitest";
import {
  LIEU_FRAIS_A_CHARGE,
  LIEU_ITINERANCE,
  LIEU_MODALITES_ACCES,
  LIEU_MODALITES_ACCOMPAGNEMENT,
  LIEU_PRISES_EN_CHARGE_SPECIFIQUES,
  LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES,
  LIEU_SERVICES,
} from "./labels";

describe("lieu labels", () => {
  it.each([
    ["services", LIEU_SERVICES, Service],
    ["publics spécifiquement adressés", LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, PublicSpecifiquementAdresse],
    ["prise en charge spécifique", LIEU_PRISES_EN_CHARGE_SPECIFIQUES, PriseEnChargeSpecifique],
    ["frais à charge", LIEU_FRAIS_A_CHARGE, Frais],
    ["modalités d'accès", LIEU_MODALITES_ACCES, ModaliteAcces],
    ["modalités d'accompagnement", LIEU_MODALITES_ACCOMPAGNEMENT, ModaliteAccompagnement],
    ["itinérance", LIEU_ITINERANCE, Itinerance],
  ])("lists exactly the schema's %s, in its order", (_name, ours, theirs) => {
    expect([...ours]).toEqual(Object.values(theirs));
  });
});
