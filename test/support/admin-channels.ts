/**
 * Which IPC channels reach the admin credentials, read from the code itself with the TypeScript
 * compiler: a handler (an object property named after a channel, anywhere under electron/) reaches
 * them when it, or any function of ours it names, directly or through others, calls
 * `AdminSession.credentials(…)`. A new channel that takes admin access therefore shows up here
 * without anyone listing it.
 *
 * Calls the walk cannot follow (a method called through an interface, a function taken from a table
 * at run time) would hide a path, so every call of `credentials(` found in the source is also
 * returned: a test checks each is reached from some channel.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CHANNEL_NAMES } from '../../electron/ipc/channel-names';

export interface AdminChannels {
  /** Channel → the `credentials(` calls it reaches ("electron/…/file.ts:line"). */
  channels: Map<string, string[]>;
  /** Every `credentials(` call of the admin session in electron/, as "file:line". */
  calls: string[];
}

/** Tests run from the repository's root, as npm runs them. */
const ROOT = path.resolve('.');
const SOURCE = path.join(ROOT, 'electron');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.d.ts') ? [file] : [];
  });
}

const where = (node: ts.Node) => {
  const file = node.getSourceFile();
  const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  return `${path.relative(ROOT, file.fileName)}:${line}`;
};

export function adminChannels(): AdminChannels {
  const program = ts.createProgram(sourceFiles(SOURCE), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const ours = (file: ts.SourceFile) => file.fileName.startsWith(`${SOURCE}/`) && !file.isDeclarationFile;

  /** `credentials` of the AdminSession interface: what every admin credential goes through. */
  const isAdminCredentials = (decl: ts.Declaration) =>
    ts.isMethodSignature(decl) &&
    decl.name.getText() === 'credentials' &&
    ts.isInterfaceDeclaration(decl.parent) &&
    decl.parent.name.text === 'AdminSession';

  /** The code a named function of ours runs (a factory's result included), or nothing to follow. */
  const codeOf = (decl: ts.Declaration): ts.Node | undefined => {
    if (!ours(decl.getSourceFile())) return undefined;
    if (ts.isFunctionLike(decl) && 'body' in decl && decl.body) return decl;
    if ((ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl)) && decl.initializer) {
      const init = decl.initializer;
      if (
        ts.isArrowFunction(init) ||
        ts.isFunctionExpression(init) ||
        ts.isCallExpression(init) ||
        ts.isObjectLiteralExpression(init)
      )
        return init;
    }
    return undefined;
  };

  const symbolOf = (node: ts.Node) => {
    const symbol = checker.getSymbolAtLocation(node);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  };

  const calls = new Set<string>();
  const reached = new Map<ts.Node, Set<string>>();
  function reach(code: ts.Node): Set<string> {
    const known = reached.get(code);
    if (known) return known;
    const found = new Set<string>();
    reached.set(code, found);
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node)) {
        for (const decl of symbolOf(node)?.declarations ?? []) {
          if (isAdminCredentials(decl)) {
            if (ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent)) {
              found.add(where(node));
              calls.add(where(node));
            }
            continue;
          }
          const target = codeOf(decl);
          const inside =
            target &&
            target.getSourceFile() === node.getSourceFile() &&
            target.pos <= node.pos &&
            node.end <= target.end;
          if (target && !inside) for (const call of reach(target)) found.add(call);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(code);
    return found;
  }

  const names = new Set<string>(CHANNEL_NAMES);
  const channels = new Map<string, string[]>();
  for (const file of program.getSourceFiles()) {
    // The contract names every channel too; handlers live in the features.
    if (!ours(file) || file.fileName.startsWith(path.join(SOURCE, 'ipc'))) continue;
    const visit = (node: ts.Node) => {
      if (
        (ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node)) &&
        ts.isStringLiteral(node.name) &&
        names.has(node.name.text)
      ) {
        const found = reach(node);
        if (found.size) channels.set(node.name.text, [...found].sort());
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  // Every call in the source, reached or not.
  for (const file of program.getSourceFiles()) {
    if (!ours(file)) continue;
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        (symbolOf(node.expression.name)?.declarations ?? []).some(isAdminCredentials)
      )
        calls.add(where(node.expression.name));
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { channels, calls: [...calls].sort() };
}
