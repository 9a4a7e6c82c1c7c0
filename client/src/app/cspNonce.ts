/**
 * The nonce the server's Content-Security-Policy accepts for `<style>` elements in this page, read from the
 * `csp-nonce` meta tag it fills into index.html. Libraries that add a `<style>` (Tiptap, wavesurfer) are given it.
 * Undefined under Vite's dev server, which sets no policy.
 */
export function cspNonce(): string | undefined {
  const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
  return nonce && nonce !== '__CSP_NONCE__' ? nonce : undefined;
}
