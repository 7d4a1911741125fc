// Owns turning what the expert draws or imports into PNG bytes for the core, and bytes from the core into an image URL.
import { useEffect, useState } from 'react';
import { readBytes } from '../../lib/upload';

/** The longest side an imported image is drawn at before it is sent: plenty for a signature, small on the wire. */
const IMPORT_MAX_SIDE = 1600;

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject) : reject(new Error('toBlob failed'))),
      'image/png',
    ),
  );
}

/**
 * An imported image as PNG bytes: a PNG file goes as it is (the core checks and cleans it); other formats (JPG, BMP,
 * WebP) are drawn onto a canvas, scaled down when large, and sent as PNG.
 */
export async function imageFileToPng(file: File): Promise<Uint8Array<ArrayBuffer>> {
  if (file.type === 'image/png' || /\.png$/i.test(file.name)) return readBytes(file);
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, IMPORT_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvasToPng(canvas);
}

/** An object URL for PNG bytes, revoked when the bytes change or the component goes. */
export function usePngUrl(bytes: Uint8Array | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes) return setUrl(null);
    const next = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [bytes]);
  return url;
}
