import { CopyField } from '../../components/CopyField';

/** The feed's address with a "Copy address" button, for pasting into podcast apps. */
export function FeedAddress({ url }: { url: string }) {
  return (
    <CopyField
      value={url}
      label="Podcast feed address"
      hint="Give this address to Apple Podcasts, Spotify or any podcast app. Published episodes appear there."
      noun="address"
    />
  );
}
