/** Collecting the PDF's bytes as pdfkit writes them. */

/**
 * The PDF's bytes as pdfkit writes them, copied into blocks of a mebibyte: pdfkit's chunks are small slices of larger
 * buffers (a page's deflated content keeps zlib's 16 KiB output buffer alive), which held a long book's PDF three
 * times over.
 */
export class Output {
  private static readonly BLOCK = 1 << 20;
  private readonly full: Buffer[] = [];
  private block = Buffer.allocUnsafe(Output.BLOCK);
  private used = 0;

  add(chunk: Buffer): void {
    for (let from = 0; from < chunk.length; ) {
      if (this.used === this.block.length) {
        this.full.push(this.block);
        this.block = Buffer.allocUnsafe(Output.BLOCK);
        this.used = 0;
      }
      const n = Math.min(chunk.length - from, this.block.length - this.used);
      chunk.copy(this.block, this.used, from, from + n);
      this.used += n;
      from += n;
    }
  }

  bytes(): Buffer {
    return Buffer.concat([...this.full, this.block.subarray(0, this.used)]);
  }
}
