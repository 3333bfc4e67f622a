/** A module as the lists « Déplacer vers le module » offer it. */
export type ModuleChoice = { id: number; titre: string };

/** The modules a fiche may be sent to, in the catalogue's order. */
export function moduleChoicesOf(modules: readonly { id: number; titre: string }[]): ModuleChoice[] {
  return modules.map((m) => ({ id: m.id, titre: m.titre }));
}

/**
 * Whether two lists offer the same modules under the same titles in the same order. Every move and
 * every answer of the server hands the editor new module objects: only a list that changed
 * should re-render the 200 lists of a catalogue.
 */
export function sameModuleChoices(a: readonly ModuleChoice[], b: readonly ModuleChoice[]): boolean {
  return a.length === b.length && a.every((m, i) => m.id === b[i].id && m.titre === b[i].titre);
}

/** What a module's tools show; they re-render only when one of these changed. */
export type ModuleToolsProps = { module: { id: number; titre: string; description: string; itemCount: number }; renameAction: unknown; onRemove: unknown };

/**
 * Whether a module's tools would show the same thing. `renameAction` is left out: each answer
 * carries a new reference to the same action, bound to the same catalogue.
 */
export function sameModuleTools(a: ModuleToolsProps, b: ModuleToolsProps): boolean {
  return (
    a.module.id === b.module.id &&
    a.module.titre === b.module.titre &&
    a.module.description === b.module.description &&
    a.module.itemCount === b.module.itemCount &&
    a.onRemove === b.onRemove
  );
}
