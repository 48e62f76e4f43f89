import { Dialog } from 'radix-ui';

/**
 * The dialog baseline: a bare Radix dialog (overlay, title, text, close button) opened from a
 * button, placed where the library's side panel would be.
 */
export function BaselineDialog() {
  return (
    <div className="bench-baseline-panel">
      <Dialog.Root>
        <Dialog.Trigger className="bench-baseline-trigger">Open dialog</Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="bench-baseline-overlay" />
          <Dialog.Content className="bench-baseline-dialog">
            <Dialog.Title>Bare dialog</Dialog.Title>
            <Dialog.Description>A Radix dialog with nothing else in it.</Dialog.Description>
            <Dialog.Close>Close</Dialog.Close>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
