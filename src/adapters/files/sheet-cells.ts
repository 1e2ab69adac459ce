/**
 * An XLSX cell as the text a person sees in Excel (issue 4, item 3): the domain reads strings, and an error
 * report cites what the person typed, not a binary float or a serial day number.
 */
import ExcelJS from 'exceljs';

/**
 * Excel shows at most 15 significant digits, so a stored 12.499999999999998 reads as 12.5 on screen; the
 * same rounding here keeps binary noise out of areas and counts. Never exponent notation: 1e-7 ha is
 * "0.0000001" to the person, and the domain's number parser reads plain decimals only.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(15));
  const plain = String(rounded === 0 ? 0 : rounded);
  if (!/e/i.test(plain)) return plain;
  return rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * exceljs turns a date cell into the UTC instant of its serial day, so the UTC fields are the calendar
 * date the sheet shows. Dates are YYYY-MM-DD (what the domain reads); a time of day, which no column of the
 * layout has, is kept so that the domain refuses it instead of silently dropping it.
 */
export function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const day = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const h = value.getUTCHours();
  const m = value.getUTCMinutes();
  const s = value.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}${s === 0 ? '' : `:${pad(s)}`}`;
}

/**
 * A 12-digit IIN typed into a General cell becomes a number, and Excel drops its leading zero (everyone
 * born in 2000–2009 has one). In the `iin` column a whole number is therefore padded back to 12 digits;
 * the domain still checks the check digit, so a wrong guess cannot pass as a valid IIN.
 */
export function iinText(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < 1e12
    ? String(value).padStart(12, '0')
    : numberText(value);
}

/** Text of a cell that holds no formula (formulas are refused before this is asked). */
export function cellText(cell: ExcelJS.Cell, isIinColumn: boolean): string {
  const v = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
      return '';
    case ExcelJS.ValueType.Number:
      return typeof v === 'number' ? (isIinColumn ? iinText(v) : numberText(v)) : cell.text;
    case ExcelJS.ValueType.String:
      return typeof v === 'string' ? v : cell.text;
    case ExcelJS.ValueType.Date:
      return v instanceof Date ? dateText(v) : cell.text;
    case ExcelJS.ValueType.RichText:
      return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    case ExcelJS.ValueType.Hyperlink: {
      const text = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      if (typeof text === 'string') return text;
      const rich = (text as Partial<ExcelJS.CellRichTextValue> | undefined)?.richText;
      return rich ? rich.map((r) => r.text).join('') : '';
    }
    case ExcelJS.ValueType.Boolean:
      return v ? 'TRUE' : 'FALSE';
    case ExcelJS.ValueType.Error:
      return (v as ExcelJS.CellErrorValue).error;
    default:
      return cell.text ?? '';
  }
}
