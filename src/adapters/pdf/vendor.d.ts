// The two libraries ship no TypeScript declarations; these cover exactly the parts this adapter calls.

declare module 'pdfmake' {
  interface PdfmakeOutput {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfmakeFontFamily {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface Pdfmake {
    readonly virtualfs: {
      writeFileSync(name: string, content: Buffer | Uint8Array): void;
      existsSync(name: string): boolean;
    };
    addFonts(fonts: Record<string, PdfmakeFontFamily>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): PdfmakeOutput;
  }
  const pdfmake: Pdfmake;
  export default pdfmake;
}

declare module 'qrcode' {
  interface QrSymbol {
    readonly version: number;
    /** The mask chosen (0–7). */
    readonly maskPattern: number;
    readonly modules: { readonly size: number; readonly data: Uint8Array; readonly reservedBit: Uint8Array };
  }
  type QrSegment = { readonly data: string; readonly mode: 'byte' | 'alphanumeric' | 'numeric' };
  function create(
    text: string | readonly QrSegment[],
    options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H'; maskPattern?: number },
  ): QrSymbol;
  const qrcode: { create: typeof create };
  export default qrcode;
}
