/**
 * Wraps `report` so it runs at most once every `intervalMs`; calls in between are dropped, not delayed.
 * Jobs report progress many times a second (ffmpeg's every frame), but storing each figure or sending it
 * to every open page would cost more than the work itself; a figure now and then is all anyone reads.
 */
export function progressThrottle(
  intervalMs: number,
  report: (progress: number | null) => void,
): (progress: number | null) => void {
  let last = 0;
  return (progress) => {
    if (Date.now() - last < intervalMs) return;
    last = Date.now();
    report(progress);
  };
}
