ALTER TABLE `fiche` ADD `ebauche` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `fiche_term` ADD `suggested` integer DEFAULT false NOT NULL;