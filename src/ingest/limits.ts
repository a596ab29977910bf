/** Files above this size are refused with a report (a browser tab cannot hold their parsed rows). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** A cell longer than this is an error (it is almost always a broken quote swallowing the file). */
export const MAX_CELL_CHARS = 10_000;
