// Owns one sheet's grid: column letters and row numbers that stay in view, merged cells, numbers right-aligned, find marks.
import { memo, useMemo } from 'react';
import type { Sheet } from '../../../../shared/domain';
import { t } from '../../../locale/zh-CN';
import { columnLetter, isNumeric, layoutSheet } from './sheetLayout';

interface Props {
  sheet: Sheet;
  /** "row,col" of cells matching the find query. */
  hits: Set<string>;
  current: string | null;
}

export const SheetGrid = memo(function SheetGrid({ sheet, hits, current }: Props) {
  const layout = useMemo(() => layoutSheet(sheet), [sheet]);
  if (layout.rowCount === 0) return <p className="sheet-empty muted">{t.viewer.emptySheet}</p>;
  const columns = Array.from({ length: layout.columnCount }, (_, c) => c);
  return (
    <>
      {sheet.rows.length > layout.rowCount && (
        <p className="sheet-truncated">{t.viewer.rowsTruncated(layout.rowCount, sheet.rows.length)}</p>
      )}
      <table className="sheet-grid" data-testid="sheet-grid">
        <colgroup>
          <col className="sheet-rowhead-col" />
          {layout.widths.map((w, c) => (
            <col key={c} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="sheet-corner" aria-hidden="true" />
            {columns.map((c) => (
              <th key={c} scope="col" className="sheet-colhead">
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.slice(0, layout.rowCount).map((row, r) => (
            <tr key={r}>
              <th scope="row" className="sheet-rowhead">
                {r + 1}
              </th>
              {columns.map((c) => {
                const key = `${r},${c}`;
                if (layout.covered.has(key)) return null;
                const text = row[c] ?? '';
                const span = layout.spans.get(key);
                const classes = [
                  isNumeric(text) ? 'num' : '',
                  hits.has(key) ? 'search-hit' : '',
                  key === current ? 'search-hit-current' : '',
                ].filter(Boolean);
                return (
                  <td
                    key={c}
                    rowSpan={span?.rowSpan}
                    colSpan={span?.colSpan}
                    className={classes.join(' ') || undefined}
                    data-cell={key}
                    data-testid={hits.has(key) ? 'search-hit' : undefined}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
