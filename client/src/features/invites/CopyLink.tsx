import { CopyField } from '../../components/CopyField';

/** The new invite link, focused as it appears, with a button that copies it. */
export function CopyLink({ url, hint }: { url: string; hint: string }) {
  return <CopyField value={url} label="Invite link" hint={hint} noun="link" focusOnShow />;
}
