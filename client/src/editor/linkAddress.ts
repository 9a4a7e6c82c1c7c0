export type LinkAddress = { ok: true; href: string } | { ok: false; message: string };

const allowedSchemes = new Set(['http:', 'https:', 'mailto:']);

/** Turn what someone typed ("www.ageuk.org.uk", "sam@example.org") into a safe link address, or say how to fix it. */
export function toLinkAddress(typed: string): LinkAddress {
  const input = typed.trim();
  if (input === '') return { ok: false, message: 'Enter the web address, for example www.ageuk.org.uk' };
  if (/\s/.test(input))
    return { ok: false, message: 'A web address cannot have spaces in it. Check it and try again.' };
  if (/^[^@/:]+@[^@/:]+\.[^@/:]+$/.test(input)) return { ok: true, href: `mailto:${input}` };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(input);
  let url: URL;
  try {
    url = new URL(hasScheme ? input : `https://${input}`);
  } catch {
    return { ok: false, message: 'Enter a web address like www.ageuk.org.uk' };
  }
  if (!allowedSchemes.has(url.protocol))
    return { ok: false, message: 'Links can only go to web pages or email addresses.' };
  if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, message: 'Enter a web address like www.ageuk.org.uk' };
  }
  return { ok: true, href: hasScheme ? input : url.href };
}
