CREATE TABLE `comment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fiche_id` integer NOT NULL,
	`thread_id` integer,
	`author_id` integer,
	`visitor_name` text,
	`visitor_email` text,
	`body` text NOT NULL,
	`anchor` text,
	`citation` text DEFAULT '' NOT NULL,
	`statut` text DEFAULT 'publie' NOT NULL,
	`resolved_at` integer,
	`resolved_by` integer,
	`moderated_at` integer,
	`moderated_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `comment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`moderated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comment_fiche_idx` ON `comment` (`fiche_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comment_thread_idx` ON `comment` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comment_statut_idx` ON `comment` (`statut`,`created_at`);--> statement-breakpoint
CREATE INDEX `comment_author_idx` ON `comment` (`author_id`);--> statement-breakpoint
CREATE TABLE `follow` (
	`user_id` integer NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `target_type`, `target_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follow_target_idx` ON `follow` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`headers` text DEFAULT '{}' NOT NULL,
	`statut` text DEFAULT 'en_attente' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`statut`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_created_idx` ON `mail_outbox` (`created_at`);--> statement-breakpoint
CREATE TABLE `notification` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer,
	`message` text NOT NULL,
	`url` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	`mailed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `notification_user_idx` ON `notification` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notification_unread_idx` ON `notification` (`user_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notification_dedupe_idx` ON `notification` (`user_id`,`dedupe_key`,`created_at`);--> statement-breakpoint
CREATE TABLE `notification_setting` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`digest` text DEFAULT 'quotidien' NOT NULL,
	`mail_mentions` integer DEFAULT true NOT NULL,
	`digest_sent_until` integer,
	`feed_token_hash` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reprise` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fiche_id` integer NOT NULL,
	`acteur_id` integer NOT NULL,
	`commune` text NOT NULL,
	`depuis` text DEFAULT '' NOT NULL,
	`changements` text DEFAULT '' NOT NULL,
	`declared_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`fiche_id`) REFERENCES `fiche`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`acteur_id`) REFERENCES `acteur`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`declared_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reprise_fiche_acteur_unique` ON `reprise` (`fiche_id`,`acteur_id`);--> statement-breakpoint
CREATE INDEX `reprise_acteur_idx` ON `reprise` (`acteur_id`);--> statement-breakpoint
ALTER TABLE `signalement` ADD `comment_id` integer REFERENCES comment(id) ON DELETE cascade;