import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
// Internal on purpose: the ui/ parts are not exported, and this file tests them.
import { Button } from '../../src/ui/button';

describe('Button', () => {
  it('is a type="button" with its slot, variant and size, and the caller’s class after its own', async () => {
    const screen = await render(
      <Button variant="primary" size="sm" className="extra">
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Save' });
    await expect.element(button).toHaveAttribute('type', 'button');
    await expect.element(button).toHaveAttribute('data-slot', 'button');
    await expect.element(button).toHaveAttribute('data-variant', 'primary');
    await expect.element(button).toHaveAttribute('data-size', 'sm');
    expect(button.element().className).toBe('pc-button extra');
  });

  it('defaults to secondary and md, and keeps every button prop: submit, disabled, ref', async () => {
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    const ref = createRef<HTMLButtonElement>();
    const screen = await render(
      <form aria-label="Form" onSubmit={onSubmit}>
        <Button ref={ref} type="submit" aria-busy>
          Send
        </Button>
        <Button disabled>Later</Button>
      </form>,
    );
    const send = screen.getByRole('button', { name: 'Send' });
    await expect.element(send).toHaveAttribute('data-variant', 'secondary');
    await expect.element(send).toHaveAttribute('data-size', 'md');
    await expect.element(send).toHaveAttribute('aria-busy', 'true');
    expect(ref.current).toBe(send.element());
    await send.click();
    expect(onSubmit).toHaveBeenCalledOnce();
    await expect.element(screen.getByRole('button', { name: 'Later' })).toBeDisabled();
  });

  it('asChild renders the child element with the button’s class, attributes and handlers', async () => {
    const onButtonClick = vi.fn();
    const onLinkClick = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    const screen = await render(
      <Button asChild variant="primary" className="from-button" onClick={onButtonClick}>
        <a href="#somewhere" className="from-link" onClick={onLinkClick}>
          Open in a new tab
        </a>
      </Button>,
    );
    const link = screen.getByRole('link', { name: 'Open in a new tab' });
    const element = link.element();
    expect(element.tagName).toBe('A');
    expect(screen.getByRole('button').query()).toBeNull();
    // A link has no `type`: the safe default is only for a real button.
    expect(element.hasAttribute('type')).toBe(false);
    await expect.element(link).toHaveAttribute('data-slot', 'button');
    await expect.element(link).toHaveAttribute('data-variant', 'primary');
    await expect.element(link).toHaveAttribute('data-size', 'md');
    await expect.element(link).toHaveAttribute('href', '#somewhere');
    expect(element.classList.contains('pc-button')).toBe(true);
    expect(element.classList.contains('from-button')).toBe(true);
    expect(element.classList.contains('from-link')).toBe(true);
    await link.click();
    expect(onLinkClick).toHaveBeenCalledOnce();
    expect(onButtonClick).toHaveBeenCalledOnce();
  });
});
