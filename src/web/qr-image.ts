/**
 * Reads a QR code from a photo or a screenshot in the browser (R-23: "upload or take a photo of the QR"): the
 * picture is drawn on a canvas at a few sizes and handed to jsQR. Nothing leaves the device but the decoded text.
 */

/** Longest side tried, in order: phone photos are large, and jsQR is faster and often surer on smaller ones. */
const SIZES = [1200, 1800, 700];

async function loadPicture(file: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file);
    } catch {
      // Fall through to <img>, which knows a few formats createImageBitmap may not.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The QR's text, null when the picture has no readable QR code; throws when the file is not a picture. */
export async function decodeQrImage(file: Blob): Promise<string | null> {
  // Loaded on first use: most visitors type the number and never need the decoder.
  const [{ default: jsQR }, picture] = await Promise.all([import('jsqr'), loadPicture(file)]);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  const longest = Math.max(picture.width, picture.height);
  const tried = new Set<number>();
  for (const size of SIZES) {
    const scale = Math.min(1, size / longest);
    const width = Math.max(1, Math.round(picture.width * scale));
    const height = Math.max(1, Math.round(picture.height * scale));
    if (tried.has(width)) continue;
    tried.add(width);
    canvas.width = width;
    canvas.height = height;
    context.drawImage(picture, 0, 0, width, height);
    const { data } = context.getImageData(0, 0, width, height);
    const code = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' });
    if (code?.data) return code.data;
  }
  return null;
}
