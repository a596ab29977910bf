/**
 * Rasterises a figure SVG in the browser: the SVG is loaded as an image from a Blob URL (no network,
 * allowed by `img-src blob:` of the documented CSP) and drawn onto a canvas of exactly
 * `width × scale` by `height × scale` pixels over a white background, then encoded as PNG.
 *
 * An SVG loaded as an image cannot fetch anything (fonts, images), so the figure must be
 * self-contained, which renderFigureSvg's output is; text is drawn with the system fonts.
 */
export async function svgToPng(svg: string, width: number, height: number, scale: 2 | 3): Promise<Blob> {
  if (!(width > 0 && height > 0)) throw new Error(`svgToPng: bad size ${width}×${height}`);
  const pxWidth = Math.round(width * scale);
  const pxHeight = Math.round(height * scale);
  const url = URL.createObjectURL(new Blob([withSize(svg, width, height)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = pxWidth;
    canvas.height = pxHeight;
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('svgToPng: no 2D canvas context');
    // White first: a transparent PNG pasted into a dark document or slide would lose the black text.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, pxWidth, pxHeight);
    ctx.drawImage(image, 0, 0, pxWidth, pxHeight);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob === null ? reject(new Error('svgToPng: the canvas could not be encoded')) : resolve(blob)), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The SVG with explicit pixel `width`/`height` on its root element: an SVG image without them has no
 * intrinsic size (Chromium then draws it at 300×150 and scales it).
 */
function withSize(svg: string, width: number, height: number): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (open === null) return svg;
  let tag = open[0];
  tag = /\swidth\s*=/.test(tag) ? tag.replace(/(\swidth\s*=\s*)(["'])[^"']*\2/, `$1"${width}"`) : tag.replace(/^<svg\b/, `<svg width="${width}"`);
  tag = /\sheight\s*=/.test(tag) ? tag.replace(/(\sheight\s*=\s*)(["'])[^"']*\2/, `$1"${height}"`) : tag.replace(/^<svg\b/, `<svg height="${height}"`);
  if (!/\sxmlns\s*=/.test(tag)) tag = tag.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return svg.slice(0, open.index) + tag + svg.slice(open.index + open[0].length);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.decoding = 'async';
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('svgToPng: the SVG could not be loaded as an image'));
    image.src = url;
  });
}
