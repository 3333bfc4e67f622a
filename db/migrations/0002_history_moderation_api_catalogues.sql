CREATE TABLE `api_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_token_hash_unique` ON `api_token` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_token_user_idx` ON `api_token` (`user_id`);--> statement-breakpoint
CREATE TABLE `catalogue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`titre` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`public_vise` text DEFAULT '' NOT NULL,
	`objectifs` text DEFAULT '' NOT NULL,
	`duree` text DEFAULT '' NOT NULL,
	`statut` text DEFAULT 'brouillon' NOT NULL,
	`original_id` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `catalogue_slug_unique` ON `catalogue` (`slug`);--> statement-breakpoint
CREATE INDEX `catalogue_statut_idx` ON `catalogue` (`statut`);--> statement-breakpoint
CREATE TABLE `catalogue_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`module_id` integer NOT NULL,
	`fiche_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`duree` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `catalogue_module`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `catalogue_item_module_idx` ON `catalogue_item` (`module_id`,`position`);--> statement-breakpoint
CREATE INDEX `catalogue_item_fiche_idx` ON `catalogue_item` (`fiche_id`);--> statement-breakpoint
CREATE TABLE `catalogue_module` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`catalogue_id` integer NOT NULL,
	`titre` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`catalogue_id`) REFERENCES `catalogue`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `catalogue_module_catalogue_idx` ON `catalogue_module` (`catalogue_id`,`position`);--> statement-breakpoint
CREATE TABLE `catalogue_owner` (
	`catalogue_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`catalogue_id`, `user_id`),
	FOREIGN KEY (`catalogue_id`) REFERENCES `catalogue`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `catalogue_owner_user_idx` ON `catalogue_owner` (`user_id`);--> statement-breakpoint
CREATE TABLE `fiche_link` (
	`fiche_id` integer NOT NULL,
	`target_fiche_id` integer,
	`target_acteur_id` integer,
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_acteur_id`) REFERENCES `acteur`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fiche_link_fiche_idx` ON `fiche_link` (`fiche_id`);--> statement-breakpoint
CREATE INDEX `fiche_link_target_fiche_idx` ON `fiche_link` (`target_fiche_id`);--> statement-breakpoint
CREATE INDEX `fiche_link_target_acteur_idx` ON `fiche_link` (`target_acteur_id`);--> statement-breakpoint
CREATE TABLE `fiche_revision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fiche_id` integer NOT NULL,
	`state` blob NOT NULL,
	`titre` text DEFAULT '' NOT NULL,
	`author_ids` text DEFAULT '[]' NOT NULL,
	`reason` text NOT NULL,
	`restored_from_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fiche_revision_fiche_idx` ON `fiche_revision` (`fiche_id`,`id`);--> statement-breakpoint
CREATE INDEX `fiche_revision_created_idx` ON `fiche_revision` (`created_at`);--> statement-breakpoint
CREATE TABLE `setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signalement` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fiche_id` integer NOT NULL,
	`motif` text NOT NULL,
	`commentaire` text DEFAULT '' NOT NULL,
	`reporter_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`resolved_at` integer,
	`resolved_by` integer,
	`resolution` text,
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `signalement_open_idx` ON `signalement` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `signalement_fiche_idx` ON `signalement` (`fiche_id`);--> statement-breakpoint
ALTER TABLE `fiche` ADD `masquee` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `fiche` ADD `redirect_to_id` integer;