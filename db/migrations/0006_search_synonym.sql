CREATE TABLE `search_synonym` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`expressions` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
