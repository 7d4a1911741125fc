// Owns the TypeScript view of the parts of fontkit 2 the PDF renderer uses (the package ships no types).
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    /** Bounding box of the outline in font units. */
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    _decode(): { numberOfContours: number } | null;
    /** Outline points in font units, composites resolved. */
    _getContours(): Contour[];
  }
  export type Contour = { x: number; y: number; onCurve: boolean }[];
  export interface GlyphRun {
    advanceWidth: number;
  }
  export interface TableEntry {
    tag: string;
    offset: number;
    length: number;
    transformed?: boolean;
  }
  export interface Font {
    type: string;
    postscriptName: string;
    unitsPerEm: number;
    numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number): Glyph;
    layout(text: string): GlyphRun;
    directory: { tables: Record<string, TableEntry> };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
