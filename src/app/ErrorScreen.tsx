/** Shown when the database cannot start or the data cannot be read. */
export function ErrorScreen({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <main className="error-screen" role="alert">
      <h1>Learning Themes could not start</h1>
      <p>{error.message}</p>
      <p>
        This app runs entirely in your browser. It needs a recent Chrome, Edge, Firefox or Safari with WebAssembly
        enabled. If you opened it from a file, serve it with <code>npm start</code> instead.
      </p>
      <button type="button" onClick={onRetry}>Try again</button>
    </main>
  );
}
