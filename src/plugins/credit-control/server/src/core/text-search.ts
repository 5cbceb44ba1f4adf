/**
 * Finding a party by what a clerk types: case- and accent-insensitive, the same folding in SQL
 * (services/dialect.ts `like`) and here. The SQL side maps exactly these letters, so the typed
 * text is folded with the same table rather than with Unicode's wider one.
 */
export const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ';
export const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY';

/** The longest text searched: a longer one is a 400, so no search costs more than this. */
export const SEARCH_MAX_LENGTH = 100;

const FOLD = new Map([...ACCENTED].map((c, i) => [c, PLAIN[i]]));

/** Lower case, the listed accents taken off: "Émile Çà" → "emile ca". */
export function foldText(text: string): string {
  return [...text].map((c) => FOLD.get(c) ?? c).join('').toLowerCase();
}

/** A `like` pattern finding `text` anywhere, its wildcards (`%`, `_`) and the escape (`\`) taken literally. */
export function containsPattern(text: string): string {
  return `%${foldText(text.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

