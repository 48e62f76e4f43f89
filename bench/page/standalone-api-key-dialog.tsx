import { useState } from 'react';
import { ApiKeyDialog } from 'pipeline-connect';

/**
 * Diagnostic for figure 4: the library's Add API Key dialog opened by its own button, outside
 * the side panel, to tell the dialog's cost from the panel's re-render when it opens.
 */
export function StandaloneApiKeyDialog() {
  const [open, setOpen] = useState(false);
  return (
    <div className="bench-baseline-panel">
      <button type="button" className="bench-standalone-trigger" onClick={() => setOpen(true)}>
        Add API Key
      </button>
      <ApiKeyDialog providerId="jina-reader" open={open} onOpenChange={setOpen} />
    </div>
  );
}
