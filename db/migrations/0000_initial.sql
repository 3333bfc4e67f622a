CREATE TABLE `acteur` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`nom` text NOT NULL,
	`categorie` text NOT NULL,
	`typologie` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`site_web` text,
	`courriel` text,
	`telephone` text,
	`siret` text,
	`rna` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `acteur_slug_unique` ON `acteur` (`slug`);--> statement-breakpoint
CREATE INDEX `acteur_nom_idx` ON `acteur` (`nom`);--> statement-breakpoint
CREATE TABLE `acteur_theme` (
	`acteur_id` integer NOT NULL,
	`term_id` integer NOT NULL,
	PRIMARY KEY(`acteur_id`, `term_id`),
	FOREIGN KEY (`acteur_id`) REFERENCES `acteur`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`term_id`) REFERENCES `taxonomy_term`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `acteur_theme_term_idx` ON `acteur_theme` (`term_id`);--> statement-breakpoint
CREATE TABLE `fiche` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`type` text NOT NULL,
	`statut` text DEFAULT 'brouillon' NOT NULL,
	`a_verifier` integer DEFAULT false NOT NULL,
	`verrouillee` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`titre` text DEFAULT '' NOT NULL,
	`fields` text DEFAULT '{}' NOT NULL,
	`html` text DEFAULT '' NOT NULL,
	`texte` text DEFAULT '' NOT NULL,
	`commune` text,
	`etat` text,
	`content_updated_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fiche_slug_unique` ON `fiche` (`slug`);--> statement-breakpoint
CREATE INDEX `fiche_type_statut_idx` ON `fiche` (`type`,`statut`);--> statement-breakpoint
CREATE INDEX `fiche_updated_idx` ON `fiche` (`content_updated_at`);--> statement-breakpoint
CREATE TABLE `fiche_acteur` (
	`fiche_id` integer NOT NULL,
	`acteur_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`fiche_id`, `acteur_id`),
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`acteur_id`) REFERENCES `acteur`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fiche_acteur_acteur_idx` ON `fiche_acteur` (`acteur_id`);--> statement-breakpoint
CREATE TABLE `fiche_document` (
	`fiche_id` integer PRIMARY KEY NOT NULL,
	`snapshot` blob NOT NULL,
	`compacted_at` integer NOT NULL,
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `fiche_lieu` (
	`fiche_id` integer NOT NULL,
	`lieu_id` integer NOT NULL,
	PRIMARY KEY(`fiche_id`, `lieu_id`),
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lieu_id`) REFERENCES `lieu`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fiche_lieu_lieu_idx` ON `fiche_lieu` (`lieu_id`);--> statement-breakpoint
CREATE TABLE `fiche_term` (
	`fiche_id` integer NOT NULL,
	`term_id` integer NOT NULL,
	PRIMARY KEY(`fiche_id`, `term_id`),
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`term_id`) REFERENCES `taxonomy_term`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fiche_term_term_idx` ON `fiche_term` (`term_id`);--> statement-breakpoint
CREATE TABLE `fiche_update` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fiche_id` integer NOT NULL,
	`update` blob NOT NULL,
	`user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `fiche_update_fiche_idx` ON `fiche_update` (`fiche_id`,`id`);--> statement-breakpoint
CREATE TABLE `lieu` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`acteur_id` integer NOT NULL,
	`nom` text NOT NULL,
	`adresse` text NOT NULL,
	`complement_adresse` text,
	`code_postal` text NOT NULL,
	`commune` text NOT NULL,
	`code_insee` text,
	`latitude` real,
	`longitude` real,
	`telephone` text,
	`courriels` text DEFAULT '[]' NOT NULL,
	`site_web` text DEFAULT '[]' NOT NULL,
	`horaires` text,
	`services` text DEFAULT '[]' NOT NULL,
	`publics_specifiquement_adresses` text DEFAULT '[]' NOT NULL,
	`prise_en_charge_specifique` text DEFAULT '[]' NOT NULL,
	`frais_a_charge` text DEFAULT '[]' NOT NULL,
	`modalites_acces` text DEFAULT '[]' NOT NULL,
	`modalites_accompagnement` text DEFAULT '[]' NOT NULL,
	`itinerance` text DEFAULT '[]' NOT NULL,
	`presentation_resume` text,
	`presentation_detail` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`acteur_id`) REFERENCES `acteur`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lieu_acteur_idx` ON `lieu` (`acteur_id`);--> statement-breakpoint
CREATE INDEX `lieu_commune_idx` ON `lieu` (`commune`);--> statement-breakpoint
CREATE TABLE `membership` (
	`user_id` integer NOT NULL,
	`acteur_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `acteur_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`acteur_id`) REFERENCES `acteur`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `membership_acteur_idx` ON `membership` (`acteur_id`);--> statement-breakpoint
CREATE TABLE `taxonomy_term` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`taxonomy` text NOT NULL,
	`slug` text NOT NULL,
	`label` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `taxonomy_term_slug_unique` ON `taxonomy_term` (`taxonomy`,`slug`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text,
	`oidc_subject` text,
	`role` text DEFAULT 'contributeur' NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_oidc_unique` ON `user` (`oidc_subject`);