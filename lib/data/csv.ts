// RFC 4180 CSV reading: quoted fields, doubled quotes, commas and newlines inside quotes.

export interface CsvTable {
  header: string[];
  /** Each row with the 1-based line number it starts on. */
  rows: Array<{ line: number; cells: string[] }>;
}

export class CsvSyntaxError extends Error {
  constructor(public readonly line: number, reason: string) {
    super(`line ${line}: ${reason}`);
  }
}

export function parseCsv(text: string): CsvTable {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  const endRow = () => {
    cells.push(unneutralise(cell));
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell !== "") throw new CsvSyntaxError(line, "a quote may only open a field");
      quoted = true;
    } else if (ch === ",") {
      cells.push(unneutralise(cell));
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvSyntaxError(rowLine, "a quoted field is never closed");
  if (cell !== "" || cells.length) endRow();
  const [head, ...rest] = rows;
  if (!head) return { header: [], rows: [] };
  return { header: head.cells.map((h) => h.trim()), rows: rest };
}

const NEEDS_QUOTES = /[",\r\n]/;
/** Text a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, tab or CR first, after any apostrophes we added. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A plain number ("-12.50") is data, not a formula: it stays as it is so amounts keep their sign. */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * One CSV cell: null/undefined → empty, booleans true/false, text quoted when it must be (RFC 4180).
 * Text that would start a formula is neutralised as OWASP recommends: a leading apostrophe, and
 * the cell quoted. `parseCsv` takes the apostrophe off again, so exports round-trip through ingest.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let s = String(value);
  const formula = typeof value === "string" && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s);
  if (formula) s = `'${s}`;
  return formula || NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The reverse of csvCell's neutralising: one added apostrophe before a formula start is dropped. */
function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}
