// Owns the handwritten signature (手写签名) field: a signature pad for mouse, pen or touch, clearing, importing an image instead, and the cleaned transparent preview.
import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { ApiError } from '../../api';
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { FileButton } from '../../ui/FileButton';
import { canvasToPng, imageFileToPng, usePngUrl } from './images';
import { useSigning } from './store';

const PAD_WIDTH = 560;
const PAD_HEIGHT = 200;

export function SignaturePadField({ saved }: { saved: Uint8Array | null }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = usePngUrl(saved);

  useEffect(() => {
    const canvas = canvasRef.current!;
    // Drawn at device resolution so the saved strokes are sharp in print.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = PAD_WIDTH * ratio;
    canvas.height = PAD_HEIGHT * ratio;
    canvas.getContext('2d')!.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { penColor: '#14213d', minWidth: 1.2, maxWidth: 3.2 });
    const onEnd = () => setEmpty(pad.isEmpty());
    pad.addEventListener('endStroke', onEnd);
    padRef.current = pad;
    return () => {
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
    };
  }, []);

  const send = async (png: () => Promise<Uint8Array<ArrayBuffer>>) => {
    setBusy(true);
    setError(null);
    try {
      await useSigning.getState().saveImage(await png());
    } catch (err) {
      setError(err instanceof ApiError ? userMessage(err) : t.signing.imageReadFailed);
    } finally {
      setBusy(false);
    }
  };

  const clear = () => {
    padRef.current?.clear();
    setEmpty(true);
  };

  const onImport = (file: File) => void send(() => imageFileToPng(file));

  return (
    <section className="signing-section" aria-labelledby="signature-pad-title">
      <h3 id="signature-pad-title" className="signing-heading">
        {t.signing.handwriting}
      </h3>
      <p className="muted">{t.signing.padHint}</p>
      <canvas
        ref={canvasRef}
        className="signature-pad"
        style={{ width: PAD_WIDTH, height: PAD_HEIGHT }}
        aria-label={t.signing.padLabel}
        data-testid="signature-pad"
      />
      <div className="signing-actions">
        <button type="button" className="btn" onClick={clear} disabled={empty || busy} data-testid="signature-clear">
          {t.signing.clear}
        </button>
        <FileButton accept="image/png,image/jpeg,image/bmp,image/webp" onFiles={([file]) => onImport(file)} testId="signature-import">
          {t.signing.importImage}
        </FileButton>
        <button
          type="button"
          className="btn btn-primary"
          disabled={empty || busy}
          onClick={() => void send(() => canvasToPng(canvasRef.current!))}
          data-testid="signature-save"
        >
          {busy ? t.signing.savingImage : t.signing.saveImage}
        </button>
      </div>
      {error && (
        <p className="score-error" role="alert">
          {error}
        </p>
      )}
      <div className="signature-preview">
        <span className="muted">{t.signing.savedPreview}</span>
        {preview ? (
          <img src={preview} alt={t.signing.savedPreview} data-testid="signature-preview" />
        ) : (
          <span className="muted">{t.signing.noImage}</span>
        )}
      </div>
    </section>
  );
}
