/** Reads hand-written portal fixtures (test/fixtures/portals/<family>/<case>.html). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../fixtures/portals');

/** The fixture as UTF-8 text. */
export function fixture(family: string, name: string): string {
  return readFileSync(join(ROOT, family, `${name}.html`), 'utf8');
}

/** The fixture's raw bytes (for non-UTF-8 fixtures). */
export function fixtureBytes(family: string, name: string): Buffer {
  return readFileSync(join(ROOT, family, `${name}.html`));
}

/** Vietnam wall-clock time → ISO instant string, for readable expectations. */
export function vn(local: string): string {
  return new Date(`${local}+07:00`).toISOString();
}
