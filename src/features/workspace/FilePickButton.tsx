import { useRef } from 'react';

/** A real button that opens the file chooser (a styled label over a hidden input would hide the keyboard focus). */
export function FilePickButton({ label, accept, disabled, onFile, testId }: { label: string; accept: string; disabled?: boolean; onFile: (file: File) => void; testId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button-secondary" disabled={disabled} onClick={() => input.current?.click()}>{label}</button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
