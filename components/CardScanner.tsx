import { useEffect, useRef, useState } from 'react';
import { cardScannerStrings } from '@/lib/i18n/card-scanner';
import { useLocale, useStrings } from './AppShell';
import { cameraAccess, openScanTab, takeScanOnOpen } from './cameraAccess';
import { useHasCamera } from './useHasCamera';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type DetectorClass = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

/** The browser's barcode reader, where it has one (Chromium on ChromeOS, Android and macOS; not everywhere). */
export function barcodeDetector(): DetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
}

const SCAN_EVERY_MS = 250;

/**
 * Scans a loyalty card with the camera and hands its number to `onCode`. Offered only where the browser has
 * BarcodeDetector and the device a camera: elsewhere the card number is typed in the search box. The camera stops as
 * soon as a code is read, on Cancel, or when the component goes away.
 */
export function CardScanner({ onCode }: { onCode: (code: string) => void }) {
  const t = useStrings();
  const c = cardScannerStrings(useLocale());
  const [scanning, setScanning] = useState(false);
  const [askInTab, setAskInTab] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const Detector = barcodeDetector();
  const hasCamera = useHasCamera();
  const handOver = useRef(onCode); // the latest callback, without restarting the camera when it changes
  handOver.current = onCode;

  // Opened in a tab to be asked for the camera: scanning starts at once, and the browser asks.
  useEffect(() => {
    if (takeScanOnOpen()) setScanning(true);
  }, []);

  useEffect(() => {
    if (!scanning || !Detector || !hasCamera) return;
    const detector = new Detector({ formats: ['code_128', 'ean_13', 'qr_code', 'code_39', 'upc_a'] });
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (media) => {
        stream = media;
        if (stopped || !video.current) return stop();
        video.current.srcObject = media;
        await video.current.play().catch(() => undefined);
        timer = setInterval(async () => {
          const [code] = video.current ? await detector.detect(video.current).catch(() => []) : [];
          if (!code || stopped) return;
          stop();
          setScanning(false);
          handOver.current(code.rawValue);
        }, SCAN_EVERY_MS);
      })
      .catch((reason: Error) => {
        setError(`${t.cameraUnavailable} (${reason.name})`);
        setScanning(false);
      });
    return stop;
  }, [scanning, Detector, hasCamera, t.cameraUnavailable]);

  const start = async () => {
    setError(null);
    const access = await cameraAccess();
    setAskInTab(access === 'ask-in-tab');
    if (access === 'denied') setError(c.blocked);
    else if (access !== 'ask-in-tab') setScanning(true);
  };

  if (!Detector || !hasCamera) return null;
  return (
    <div className="scanner">
      {scanning ? (
        <>
          <video ref={video} muted playsInline aria-label={t.scanCard} />
          <button type="button" className="secondary" onClick={() => setScanning(false)}>
            {t.cancel}
          </button>
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => void start()}>
          {t.scanCard}
        </button>
      )}
      {askInTab && (
        <p>
          {c.askInTab}{' '}
          <button type="button" onClick={openScanTab}>
            {c.openTab}
          </button>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
