/**
 * Where the installation's files are, for the sources (`src/…` run by swc-node or ts-jest) and the compiled build
 * (`dist/src/…`, also in the Docker image) alike: the project root is the nearest folder above this module that
 * holds package.json. Files that are not compiled (migrations aside) are found from there: the source catalogue,
 * the demo content, schema.graphql, web/.
 */
import fs from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}: cannot tell where cchc-atlas is installed`);
  }
}

/** The folder with package.json (the repository, or /app in the image). */
export const PROJECT_ROOT = findRoot(__dirname);

/** True when running the compiled JavaScript under dist/. */
export const COMPILED = path.relative(PROJECT_ROOT, __dirname).split(path.sep)[0] === 'dist';

/** The folder compiled code lives in: `dist` for the build, the project root for the sources. */
export const CODE_ROOT = COMPILED ? path.join(PROJECT_ROOT, 'dist') : PROJECT_ROOT;

/** A file or folder of the installation, relative to the project root. */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
