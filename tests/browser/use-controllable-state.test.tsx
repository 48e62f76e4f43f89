import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
// Internal on purpose: the ui/ parts are not exported, and this file tests them.
import { useControllableState } from '../../src/ui/use-controllable-state';

/** A toggle that owns its state unless `open` is passed. */
function Toggle(props: {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const [open, setOpen] = useControllableState({
    prop: props.open,
    defaultProp: props.defaultOpen ?? false,
    onChange: props.onOpenChange,
    caller: 'Toggle',
  });
  return (
    <button type="button" onClick={() => setOpen((previous) => !previous)}>
      {open ? 'open' : 'closed'}
    </button>
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('useControllableState', () => {
  it('uncontrolled: starts from defaultProp, changes on its own and tells onChange', async () => {
    const onOpenChange = vi.fn();
    const screen = await render(<Toggle defaultOpen onOpenChange={onOpenChange} />);
    const button = screen.getByRole('button');
    await expect.element(button).toHaveTextContent('open');
    await button.click();
    await expect.element(button).toHaveTextContent('closed');
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('controlled: tells onChange and changes only when the parent passes the new value', async () => {
    const onOpenChange = vi.fn();
    const screen = await render(<Toggle open={false} onOpenChange={onOpenChange} />);
    const button = screen.getByRole('button');
    await button.click();
    expect(onOpenChange).toHaveBeenCalledWith(true);
    await expect.element(button).toHaveTextContent('closed');

    function Parent() {
      const [open, setOpen] = useState(false);
      return <Toggle open={open} onOpenChange={setOpen} />;
    }
    const parent = await render(<Parent />);
    const controlled = parent.getByRole('button').last();
    await controlled.click();
    await expect.element(controlled).toHaveTextContent('open');
  });

  it('warns when a component switches between controlled and uncontrolled', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const screen = await render(<Toggle defaultOpen={false} />);
    await screen.rerender(<Toggle open />);
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining('Toggle is changing from uncontrolled to controlled'),
      ),
    );
  });
});
