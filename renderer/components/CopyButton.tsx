import { useState } from 'react';
import { invoke } from '../app/api';

/**
 * Copies a value that is not secret through the main process (the page itself has no clipboard
 * permission). Says "Copied" for a moment so the person knows it worked.
 */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className="copy"
        // A bare "Copy" says nothing out of context: name what it copies for screen readers.
        aria-label={label === 'Copy' ? `Copy ${text.length > 40 ? 'value' : text}` : undefined}
        onClick={() =>
          void invoke('clipboard.copy', { text }).then((result) => {
            if (!result.ok) return;
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          })
        }
      >
        {copied ? 'Copied' : label}
      </button>
      <span className="visually-hidden" role="status">
        {copied ? 'Copied to the clipboard' : ''}
      </span>
    </>
  );
}
