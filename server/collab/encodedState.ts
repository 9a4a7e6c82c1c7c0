import * as Y from 'yjs';

/**
 * A document's whole state, encoded once and kept until the document next changes: most people joining ask
 * for everything, and encoding a large document for each of them would cost more than the join itself.
 */
export class EncodedState {
  private encoded: Uint8Array | null;

  /** `initial` is the state as loaded (already encoded), or nothing. */
  constructor(
    private readonly doc: Y.Doc,
    initial: Uint8Array | null,
  ) {
    this.encoded = initial;
    // Whatever changes the document (a batch, a catch-up, a merged snapshot) makes the kept state stale.
    doc.on('update', this.forget);
  }

  get(): Uint8Array {
    this.encoded ??= Y.encodeStateAsUpdate(this.doc);
    return this.encoded;
  }

  destroy(): void {
    this.doc.off('update', this.forget);
    this.encoded = null;
  }

  private forget = () => {
    this.encoded = null;
  };
}
