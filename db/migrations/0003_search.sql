-- Full-text search of fiches and acteurs (server/search, lib/search/french.ts).
--
-- Each FTS5 index is fed a folded and stemmed copy of the texts, one token per original token, and
-- reads the original texts from its external content table for snippet() and highlight(): the
-- unicode61 tokenizer cuts the original into the same tokens, so the marks land on the words read.
-- Never run the 'rebuild' or 'integrity-check' commands on these indexes: they would compare the
-- index with the original, unstemmed texts. server/search rebuilds them with 'delete-all'.
--
-- The `facettes` column holds filter tokens (type, themes, publics, commune…) that user queries,
-- restricted to the text columns, can never reach; bm25 gives it no weight.
CREATE TABLE `search_acteur_doc` (
	`acteur_id` integer PRIMARY KEY NOT NULL,
	`nom` text NOT NULL,
	`champs` text NOT NULL,
	`description` text NOT NULL,
	`facettes` text NOT NULL,
	`nom_index` text NOT NULL,
	`champs_index` text NOT NULL,
	`description_index` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_entry` (
	`kind` text NOT NULL,
	`doc_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`indexed` integer NOT NULL,
	`facets` text DEFAULT '{}' NOT NULL,
	`communes` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`kind`, `doc_id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_entry_seq_unique` ON `search_entry` (`seq`);--> statement-breakpoint
CREATE TABLE `search_fiche_doc` (
	`fiche_id` integer PRIMARY KEY NOT NULL,
	`titre` text NOT NULL,
	`champs` text NOT NULL,
	`corps` text NOT NULL,
	`facettes` text NOT NULL,
	`titre_index` text NOT NULL,
	`champs_index` text NOT NULL,
	`corps_index` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fiche` USING fts5(
	titre, champs, corps, facettes,
	content = 'search_fiche_doc', content_rowid = 'fiche_id',
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO `search_fiche` (`search_fiche`, `rank`) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 0.0)');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fiche_vocab` USING fts5vocab(`search_fiche`, 'col');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_acteur` USING fts5(
	nom, champs, description, facettes,
	content = 'search_acteur_doc', content_rowid = 'acteur_id',
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO `search_acteur` (`search_acteur`, `rank`) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 0.0)');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_acteur_vocab` USING fts5vocab(`search_acteur`, 'col');
