import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// docs/architecture.md's structural claims, checked on the source: the domain is pure, the API never consumes
// jobs, libraries never reach into apps, and the libraries' import graph has no cycle.
const ROOT = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(spec|test)\.ts$/.test(name) && !path.includes('/testing/') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)|import\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

const libs = readdirSync(join(ROOT, 'libs')).filter((name) => statSync(join(ROOT, 'libs', name)).isDirectory());

describe('architecture', () => {
  it('keeps libs/domain pure: no other library, framework, database, queue or I/O module', () => {
    const offending = sourceFiles(join(ROOT, 'libs/domain/src')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('@custodian/') || /^(@nestjs|typeorm|bullmq|ioredis|pg|better-sqlite3|pdfkit|express)/.test(spec) || /^(node:)?(fs|net|http|https|child_process|worker_threads|dgram)(\/|$)/.test(spec))
        .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('never lets the API process consume jobs or load the worker', () => {
    const offending = sourceFiles(join(ROOT, 'apps/api/src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const found = importsOf(file).filter((spec) => spec.includes('apps/worker') || spec.includes('../worker') || spec === '@nestjs/bullmq').map((spec) => `${relative(ROOT, file)} imports ${spec}`);
      if (/new\s+(Worker|QueueEvents)\s*\(/.test(text) && /from\s+['"]bullmq['"]/.test(text)) found.push(`${relative(ROOT, file)} constructs a BullMQ Worker`);
      return found;
    });
    expect(offending).toEqual([]);
  });

  it('never lets a library import an app', () => {
    const offending = libs.flatMap((lib) => sourceFiles(join(ROOT, 'libs', lib, 'src')).flatMap((file) => importsOf(file).filter((spec) => /(^|\/)apps\//.test(spec)).map((spec) => `${relative(ROOT, file)} imports ${spec}`)));
    expect(offending).toEqual([]);
  });

  it('has no cycle among the libraries', () => {
    const edges = new Map(libs.map((lib) => [lib, new Set(sourceFiles(join(ROOT, 'libs', lib, 'src')).flatMap((file) => importsOf(file)).filter((s) => s.startsWith('@custodian/')).map((s) => s.split('/')[1]).filter((dep) => dep !== lib))]));
    const cycles: string[] = [];
    const visit = (lib: string, path: string[]) => {
      if (path.includes(lib)) {
        cycles.push([...path.slice(path.indexOf(lib)), lib].join(' -> '));
        return;
      }
      for (const dep of edges.get(lib) ?? []) visit(dep, [...path, lib]);
    };
    for (const lib of libs) visit(lib, []);
    expect(cycles).toEqual([]);
  });
});
