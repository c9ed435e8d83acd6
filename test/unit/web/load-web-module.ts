/**
 * Load one of the page's plain ES modules (web/*.js) into a jest test. Jest runs CommonJS here, so the module is
 * transpiled to CommonJS with TypeScript (already a dependency) and evaluated with a `require` that resolves its
 * relative imports the same way. Only pure modules (no DOM at import time) are loaded like this.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const WEB_DIR = path.resolve(__dirname, '..', '..', '..', 'web');

const cache = new Map<string, Record<string, unknown>>();

export function loadWebModule<T = Record<string, any>>(name: string): T {
  const file = path.resolve(WEB_DIR, name);
  const hit = cache.get(file);
  if (hit) return hit as T;
  const source = fs.readFileSync(file, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  const moduleExports: Record<string, unknown> = {};
  cache.set(file, moduleExports);
  const localRequire = (spec: string) => {
    if (!spec.startsWith('./')) throw new Error(`${name} imports ${spec}: web modules may only import siblings`);
    return loadWebModule(path.relative(WEB_DIR, path.resolve(path.dirname(file), spec)));
  };
  new Function('exports', 'require', outputText)(moduleExports, localRequire);
  return moduleExports as T;
}
