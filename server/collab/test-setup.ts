import { registerStorageDocuments } from "./storage-documents";

// Unit tests run without a collaboration server (those that start one register it over this).
registerStorageDocuments();
