import { Parser } from "htmlparser2";

/**
 * Whether every XML element is closed where it should be. The feed parser is lenient (it reads what it can of
 * a broken document), so this tells a malformed feed apart: an element left open, or closed by another's end.
 */
export function isBalancedXml(text: string): boolean {
  let balanced = true;
  const parser: Parser = new Parser(
    {
      onclosetag(_name, isImplied) {
        // A self-closing element (`<link/>`) is closed "implied" too: its tag ends in "/>".
        if (isImplied && text.charAt(parser.endIndex - 1) !== "/") balanced = false;
      },
    },
    { xmlMode: true },
  );
  parser.end(text);
  return balanced;
}
