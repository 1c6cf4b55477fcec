// JSON is made from the CSV, not beside it: one description of each report's columns, and the
// amounts already plain decimal strings (never JSON numbers, which lose paise past 2^53).

// The fields of RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
const records = (csv: string): string[][] => {
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\r' && csv[i + 1] === '\n') {
      record.push(field);
      out.push(record);
      [record, field] = [[], ''];
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) out.push([...record, field]);
  return out;
};

/**
 * A report's CSV (a header row, then records) as JSON: an array of objects keyed by the
 * header, every value a string as the CSV has it (amounts as plain decimals, blanks as '').
 * @example csvAsJson('code,debit\r\n1100,420.00\r\n') // [{ "code": "1100", "debit": "420.00" }]
 */
export const csvAsJson = (csv: string): string => {
  const [header = [], ...rows] = records(csv);
  const objects = rows.map((r) => Object.fromEntries(header.map((h, c) => [h, r[c] ?? ''])));
  return JSON.stringify(objects, null, 2);
};

/**
 * The lines of `csvAsJson` of a CSV given a record at a time (each with its CRLF), made as
 * they are read: joined with line feeds they are `csvAsJson` of the records joined, so that
 * a long report's JSON is never held whole.
 * @example [...csvRecordsAsJsonLines(['code\r\n', '1100\r\n'])].join('\n') // as csvAsJson
 */
export function* csvRecordsAsJsonLines(
  csvRecords: Iterable<string>,
): Generator<string, void, undefined> {
  let header: string[] | undefined;
  let plain = false;
  let held: string[] | undefined;
  for (const r of csvRecords) {
    const [fields = []] = records(r);
    if (header === undefined) {
      header = fields;
      plain = plainHeader(header);
      continue;
    }
    if (held === undefined) yield '[';
    else yield* objectLines(header, plain, held, ',');
    held = fields;
  }
  if (header === undefined || held === undefined) {
    yield '[]';
    return;
  }
  yield* objectLines(header, plain, held, '');
  yield ']';
}

// Whether an object keyed by the header keeps its keys in the header's order, once each: some
// key, none twice and none an array index (JSON.stringify puts those first, in numeric order).
const plainHeader = (header: ReadonlyArray<string>): boolean =>
  header.length > 0 && new Set(header).size === header.length
  && header.every((h) => !/^(0|[1-9][0-9]*)$/.test(h) || Number(h) >= 2 ** 32 - 1);

// One record's object as an element of csvAsJson's array: its own JSON, indented a level;
// written a field at a time when the header is plain, through the object otherwise.
function* objectLines(
  header: ReadonlyArray<string>, plain: boolean, row: ReadonlyArray<string>, after: string,
): Generator<string, void, undefined> {
  if (plain) {
    yield '  {';
    const last = header.length - 1;
    for (let c = 0; c <= last; c++) {
      const value = JSON.stringify(row[c] ?? '');
      yield `    ${JSON.stringify(header[c])}: ${value}${c === last ? '' : ','}`;
    }
    yield `  }${after}`;
    return;
  }
  const lines = JSON.stringify(Object.fromEntries(header.map((h, c) => [h, row[c] ?? ''])),
    null, 2).split('\n');
  for (let i = 0; i < lines.length; i++) {
    yield `  ${lines[i] ?? ''}${i === lines.length - 1 ? after : ''}`;
  }
}
