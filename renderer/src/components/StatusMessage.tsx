/** A polite live region for success messages; always present so its changes are announced. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p role="status" className={message === null ? 'status status-empty' : 'status status-success'}>
      {message}
    </p>
  );
}
