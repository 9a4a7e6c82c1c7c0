import { useEffect, useRef } from 'react';
import { cspNonce } from '../../app/cspNonce';

/**
 * An Observable Plot chart drawn into a div as SVG. The div is the image for assistive technology (`role="img"`
 * with a summary in words); the same numbers are always in a table next to it. It takes the keyboard focus so a
 * wide chart can be scrolled with the arrow keys. Plot's own `<style>` is given the page's CSP nonce.
 */
export function PlotChart({ render, label, id }: { render: () => Element; label: string; id: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const holder = ref.current;
    if (!holder) return;
    const chart = render();
    const nonce = cspNonce();
    if (nonce) {
      const styles = chart instanceof HTMLStyleElement ? [chart] : [...chart.querySelectorAll('style')];
      for (const style of styles) style.setAttribute('nonce', nonce);
    }
    // The holder speaks for the whole chart; Plot's labels on its parts ("bar", "x-axis tick") would only be noise,
    // and on plain <g> elements they are not allowed.
    for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    holder.replaceChildren(chart);
    return () => holder.replaceChildren();
  }, [render]);
  return <div className="chart" id={id} ref={ref} role="img" aria-label={label} tabIndex={0} />;
}
