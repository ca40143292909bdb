/** Largest .txt / .md / .html file accepted, in bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Largest .jsonl file accepted, in bytes: it holds many articles. */
export const MAX_JSONL_FILE_BYTES = 200 * 1024 * 1024;

/** Largest article text accepted, in characters (after decoding, before cleaning). */
export const MAX_ARTICLE_CHARS = 1_000_000;

/** Longest accepted article id. */
export const MAX_ID_CHARS = 200;

/** Passages hold whole sentences and stop growing at this many characters ... */
export const PASSAGE_TARGET_CHARS = 500;

/** ... or at this many sentences. */
export const PASSAGE_MAX_SENTENCES = 3;
