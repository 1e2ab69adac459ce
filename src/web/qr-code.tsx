/**
 * A QR code drawn as SVG in the browser (issue 7: the talon's link to the public status page, R-18). `qrcode`
 * computes the symbol; each dark module becomes one unit square of a single path, so the code scales crisply.
 */
import qrcode from 'qrcode';

/** The SVG path of the symbol's dark modules, one `h1v1h-1z` square each, in module units. */
export function qrPath(text: string): { size: number; d: string } {
  const { size, data } = qrcode.create([{ data: text, mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (data[y * size + x]) d += `M${x} ${y}h1v1h-1z`;
  }
  return { size, d };
}

export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, d } = qrPath(text);
  const quiet = 4;
  const box = size + quiet * 2;
  return (
    <svg
      className={className}
      role="img"
      aria-label={label}
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
