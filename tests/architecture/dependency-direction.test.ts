import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// Dependencies point one way: apps -> packages; packages never import an app; domain does no I/O.
// The one app-to-app edge allowed is `import type { AppRouter }` from the server.
const root = path.resolve(import.meta.dirname, '../..');

interface ImportEdge {
  readonly file: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8');
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    edges.push({ file: path.relative(root, file), specifier: m[3]!, typeOnly: Boolean(m[2]) });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    edges.push({ file: path.relative(root, file), specifier: m[1]!, typeOnly: false });
  }
  return edges;
}

function edgesUnder(dir: string): ImportEdge[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((pkg) => {
    const src = path.join(full, pkg, 'src');
    try {
      return sourceFiles(src).flatMap(importsOf);
    } catch {
      return [];
    }
  });
}

const appPackages = ['@repo/server', '@repo/store', '@repo/hq'];
const leavesTheFolder = (edge: ImportEdge, folder: string) =>
  edge.specifier.startsWith('.') && !path.resolve(root, path.dirname(edge.file), edge.specifier).startsWith(path.join(root, folder));

test('[AR1] no package imports an app', () => {
  const bad = edgesUnder('packages').filter(
    (e) => appPackages.some((a) => e.specifier.startsWith(a)) || leavesTheFolder(e, e.file.split('/').slice(0, 3).join('/')),
  );
  expect(bad).toEqual([]);
});

test('[AR2] packages/domain imports only zod and its own modules, and touches no I/O', () => {
  const domainFiles = sourceFiles(path.join(root, 'packages/domain/src'));
  const bad = domainFiles.flatMap(importsOf).filter((e) => !(e.specifier === 'zod' || e.specifier.startsWith('@noble/hashes/') || e.specifier.startsWith('./') || e.specifier.startsWith('../')));
  expect(bad).toEqual([]);
  const io = /\b(fetch|indexedDB|localStorage|sessionStorage|XMLHttpRequest|WebSocket|process\.env|require)\s*[(.[]/;
  const offenders = domainFiles.filter((f) => io.test(readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
  expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
});

test('[AR3] apps reach other apps only for the server\'s router type', () => {
  const bad = edgesUnder('apps').filter((e) => {
    const own = `@repo/${e.file.split('/')[1]}`;
    const other = appPackages.find((a) => e.specifier.startsWith(a) && a !== own);
    if (other) return !(e.typeOnly && e.specifier === '@repo/server/app-router');
    return leavesTheFolder(e, e.file.split('/').slice(0, 2).join('/'));
  });
  expect(bad).toEqual([]);
});

test('[AR4] the check sees the code it guards', () => {
  // Guards against a silent pass: if the scan found nothing, the rules above prove nothing.
  expect(edgesUnder('apps').length).toBeGreaterThan(50);
  expect(sourceFiles(path.join(root, 'packages/domain/src')).length).toBeGreaterThan(5);
});
