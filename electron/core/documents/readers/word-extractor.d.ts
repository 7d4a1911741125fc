// Owns the types of word-extractor 1.0 (the package ships none): only the calls the Word 97 reader makes.
declare module 'word-extractor' {
  interface TextOptions {
    /** true (the default) turns Chinese and typographic quotes into ASCII ones; the reader keeps them. */
    filterUnicode?: boolean;
  }
  class WordDocument {
    getBody(options?: TextOptions): string;
    getFootnotes(options?: TextOptions): string;
    getEndnotes(options?: TextOptions): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}
