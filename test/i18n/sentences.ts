import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/*
 * Finds sentences written in source code instead of the catalogues: any string literal (or the
 * literal parts of a template) with two words in a row. Not counted: the catalogues themselves,
 * log lines (`logger.*`, `log.*`), errors thrown for developers (`new Error`, `new TypeError`),
 * operator reports (`report.push`), log labels (`answering(…, 'command hours', …)`, `openingModal`'s, `what:`), and lines marked `i18n-exempt: <why>` on the line or the one
 * above it, or files marked `i18n-exempt-file: <why>` (operator-facing files such as the job table).
 */

const SENTENCE = /\p{L}{2,}[,;:]? +\p{L}{2,}/u;
const LOG_METHODS = new Set(['debug', 'info', 'warn', 'error', 'trace', 'fatal']);
/** Helpers whose string arguments are log labels, never shown. */
const LABELLED = new Set(['answering', 'answeringButton', 'openingModal']);
const DEVELOPER_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'AbortError']);

export interface Sentence {
  file: string;
  line: number;
  text: string;
}

export function sourceFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(root, path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function isExemptContext(node: ts.Node): boolean {
  // The label a handler's failures are logged under: answering(respond, logger, 'command hours', …), { what: … }.
  const p = node.parent;
  if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && LABELLED.has(p.expression.text)) return true;
  if (ts.isPropertyAssignment(p) && p.initializer === node && ts.isIdentifier(p.name) && p.name.text === 'what')
    return true;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isTypeNode(n) && !ts.isTemplateLiteralTypeNode(n)) return true;
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return true;
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && DEVELOPER_ERRORS.has(n.expression.text)) return true;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const target = n.expression.expression.getText();
      if (LOG_METHODS.has(method) && /(^|\.)(logger|log|console)$/i.test(target)) return true;
      if (method === 'push' && /(^|\.)report$/.test(target)) return true;
    }
  }
  return false;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

export function sentencesIn(path: string, root: string): Sentence[] {
  const source = readFileSync(path, 'utf8');
  if (/i18n-exempt-file: \S/.test(source)) return [];
  const lines = source.split('\n');
  const exemptLine = (line: number) =>
    /i18n-exempt: \S/.test(lines[line] ?? '') || /i18n-exempt: \S/.test(lines[line - 1] ?? '');
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true);
  const found: Sentence[] = [];
  const visit = (node: ts.Node) => {
    const text = literalText(node);
    if (text !== null) {
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line;
      if (SENTENCE.test(text) && !isExemptContext(node) && !exemptLine(line)) {
        found.push({ file: relative(root, path), line: line + 1, text: text.slice(0, 80) });
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
