// RFC 4180 rows: a field is quoted when it holds a comma, quote, CR or LF; quotes double. A field
// starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula (the
// values come from attacker-controlled text and reviewers open these logs in Excel).
export function csvRow(fields: readonly (string | number | null | undefined)[]): string {
  return (
    fields
      .map((f) => {
        let s = f === null || f === undefined ? '' : String(f);
        if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}
