import { useRef, useState, type DragEvent } from 'react';
import { ACCEPTED_EXTENSIONS, MAX_FILE_MB } from '../../ingest/file-kinds.ts';

/** Drop files here or choose them; keyboard users reach the file picker through its button. */
export function DropZone({ onFiles }: { onFiles(files: File[]): void }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length) onFiles(files);
  };
  return (
    <div
      className={`import-drop${over ? ' import-drop--over' : ''}`}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-drop"
    >
      <p className="import-drop__lead">Drop files here, or</p>
      <button type="button" onClick={() => input.current?.click()}>Choose files…</button>
      <input
        ref={input}
        type="file"
        tabIndex={-1}
        aria-label="Files to import"
        multiple
        accept={ACCEPTED_EXTENSIONS.join(',')}
        className="visually-hidden import-drop__input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <p className="hint">
        Review metadata: CSV, TSV, Excel (.xlsx), JSON, JSON Lines, Parquet. Documents: PDF, Word (.docx), HTML, text, Markdown.
        Up to {MAX_FILE_MB} MB per file. Files are read on this device and never uploaded.
      </p>
    </div>
  );
}
