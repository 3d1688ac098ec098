import { useState } from "react";
import { exportFormats, type ExportFormat } from "../../../shared/agreements/exportFormats";
import { fileNameFromDisposition } from "../../../shared/contentDisposition";
import { useT } from "../../i18n";

type Progress = { format: ExportFormat; received: number; total: number } | null;

/**
 * Download links for one version in each format. With JavaScript the download runs through
 * fetch, so a long export shows that it is being prepared and how far the transfer is.
 */
export function ExportLinks({ href, label, threads }: { href: string; label: string; threads: boolean }) {
  const t = useT();
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState(false);
  const url = (format: ExportFormat) => `${href}?format=${format}${threads ? "&threads=1" : ""}`;

  const download = async (event: React.MouseEvent, format: ExportFormat) => {
    event.preventDefault();
    if (progress) return; // one download at a time
    setError(false);
    setProgress({ format, received: 0, total: 0 });
    try {
      const res = await fetch(url(format));
      if (!res.ok || !res.body) throw new Error(String(res.status));
      const total = Number(res.headers.get("Content-Length")) || 0;
      const reader = res.body.getReader();
      const chunks: BlobPart[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        setProgress({ format, received, total });
      }
      const name = fileNameFromDisposition(res.headers.get("Content-Disposition") ?? "") ?? `schedule.${format}`;
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(chunks, { type: res.headers.get("Content-Type") ?? "application/octet-stream" }));
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setProgress(null);
    } catch {
      setProgress(null);
      setError(true);
    }
  };

  return (
    <span className="export-links">
      {exportFormats.map((format) => (
        <a key={format} href={url(format)} onClick={(e) => void download(e, format)} aria-disabled={progress !== null}>
          {t(`export.${format}`)}
          <span className="visually-hidden"> {label}</span>
        </a>
      ))}
      <span role="status" className="hint">
        {progress &&
          (progress.received === 0
            ? t("export.preparing", { format: t(`export.${progress.format}`) })
            : progress.total > 0
              ? t("export.downloading", { percent: Math.round((progress.received / progress.total) * 100) })
              : t("export.downloadingBytes", { kb: Math.round(progress.received / 1024) }))}
      </span>
      {error && (
        <span role="alert" className="form-error">
          {t("export.failed")}
        </span>
      )}
    </span>
  );
}
