/**
 * The `restated` signal of a figure (confidence.ts): its number, as written, appears again — elsewhere in the text, or
 * in the title. The definition is {@link restatedNaive}; {@link Restatements} gives the same answers without scanning
 * the whole text for every number, which made a long report quadratic (a 5 MB text took two minutes).
 */

/** The number as written, spaces folded ("98,7 %"); a single character is never looked up. */
function writtenForm(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/**
 * The definition, one full scan per call: the written form's first place in the text is not this one, or it occurs
 * again after it, or the title holds it. (A form whose spaces were folded may not occur at all: that counts too.)
 */
export function restatedNaive(text: string, title: string, start: number, end: number): boolean {
  const written = writtenForm(text, start, end);
  if (written.length < 2) return false;
  return text.indexOf(written) !== start || text.indexOf(written, end) >= 0 || title.includes(written);
}

/** Characters of a written form used as the index key (forms start with a digit; shorter forms use all of theirs). */
const KEY_CHARS = 4;

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * {@link restatedNaive} for many numbers of one text. Built lazily: the places where a digit starts a key of 2, 3 or
 * 4 characters are listed once (linear in the text), and each distinct written form's places are found once among
 * the places of its key. A form that does not start with a digit ("một bậc") is looked up the naive way.
 */
export class Restatements {
  private places: Map<string, number[]> | null = null;
  private readonly found = new Map<string, number[]>();

  constructor(private readonly text: string, private readonly title: string) {}

  isRestated(start: number, end: number): boolean {
    const written = writtenForm(this.text, start, end);
    if (written.length < 2) return false;
    if (this.title.includes(written)) return true;
    if (!isDigit(written[0])) return restatedNaive(this.text, this.title, start, end);
    const at = this.occurrences(written);
    if (at.length === 0 || at[0] !== start) return true;
    return at[at.length - 1] >= end;
  }

  /** Every place the form starts, ascending. */
  private occurrences(written: string): number[] {
    let at = this.found.get(written);
    if (at === undefined) {
      const candidates = this.index().get(written.slice(0, KEY_CHARS)) ?? [];
      at = written.length <= KEY_CHARS ? candidates : candidates.filter((p) => this.text.startsWith(written, p));
      this.found.set(written, at);
    }
    return at;
  }

  private index(): Map<string, number[]> {
    if (this.places) return this.places;
    const places = new Map<string, number[]>();
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      if (!isDigit(text[i])) continue;
      for (let n = 2; n <= KEY_CHARS && i + n <= text.length; n++) {
        const key = text.slice(i, i + n);
        const list = places.get(key);
        if (list) list.push(i);
        else places.set(key, [i]);
      }
    }
    this.places = places;
    return places;
  }
}
