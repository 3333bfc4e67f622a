CREATE TABLE `acteur_claim` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`acteur_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`message` text NOT NULL,
	`fonction` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	`decision` text,
	`decision_note` text,
	FOREIGN KEY (`acteur_id`) REFERENCES `acteur`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `acteur_claim_open_unique` ON `acteur_claim` (`acteur_id`,`user_id`) WHERE "acteur_claim"."decided_at" is null;--> statement-breakpoint
CREATE INDEX `acteur_claim_open_idx` ON `acteur_claim` (`decided_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `acteur_claim_user_idx` ON `acteur_claim` (`user_id`);